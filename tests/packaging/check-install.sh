#!/usr/bin/env bash
# What `cmake --install` puts on a system, checked with the tools a distribution checks it with: the
# .desktop entry (desktop-file-validate), the AppStream metainfo (appstreamcli), the MIME types
# (compiled by update-mime-database, then read by Qt's QMimeDatabase in tst_mimetypes), the manual
# pages (groff, warnings as failures), the icons, the bash completion (with bash-completion), and the
# installed programs finding each other: postern-run runs a script in postern-script-worker from the
# library folder.
# usage: check-install.sh BUILD-DIR SOURCE-DIR TST-MIMETYPES
set -uo pipefail
build=$1
source=$2
mimetest=$3
fail=0
say_fail() { echo "FAIL: $*"; fail=1; }
need() {
    command -v "$1" >/dev/null 2>&1 && return 0
    echo "FAIL: $1 is missing (Debian package $2; packaging/dev.sh installs it)"
    exit 1
}
need desktop-file-validate desktop-file-utils
need appstreamcli appstream
need update-mime-database shared-mime-info
need groff groff-base
[ -f /usr/share/bash-completion/bash_completion ] || { echo "FAIL: bash-completion is missing"; exit 1; }

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
if ! DESTDIR=$root cmake --install "$build" --prefix /usr >"$root.install.log" 2>&1; then
    cat "$root.install.log"; rm -f "$root.install.log"
    echo "FAIL: cmake --install"; exit 1
fi
rm -f "$root.install.log"
share=$root/usr/share

# The .desktop entry and the metainfo.
desktop=$share/applications/io.postern.Postern.desktop
out=$(desktop-file-validate "$desktop" 2>&1) || say_fail "desktop-file-validate: $out"
[ -z "$out" ] || say_fail "desktop-file-validate says: $out"
out=$(appstreamcli validate --no-net "$share/metainfo/io.postern.Postern.metainfo.xml" 2>&1) \
    || say_fail "appstreamcli validate: $out"
echo "$out" | grep -q '^[EWI]:' && say_fail "appstreamcli validate has remarks: $out"
# Every type the desktop entry opens is one the MIME package defines.
for type in $(sed -n 's/^MimeType=//p' "$desktop" | tr ';' ' '); do
    grep -q "<mime-type type=\"$type\">" "$share/mime/packages/io.postern.Postern.xml" \
        || say_fail "the desktop entry opens $type, which no MIME package defines"
done

# Icons: the scalable one and PNGs of their sizes.
[ -f "$share/icons/hicolor/scalable/apps/io.postern.Postern.svg" ] || say_fail "no scalable icon"
for size in 16 22 24 32 48 64 128 256 512; do
    png=$share/icons/hicolor/${size}x${size}/apps/io.postern.Postern.png
    [ -f "$png" ] || { say_fail "no ${size}x${size} icon"; continue; }
    # The PNG header's width and height (bytes 16-23, big-endian).
    dims=$(od -An -tu1 -j16 -N8 "$png" | awk '{print $1*16777216+$2*65536+$3*256+$4 "x" $5*16777216+$6*65536+$7*256+$8}')
    [ "$dims" = "${size}x${size}" ] || say_fail "the ${size}x${size} icon is $dims"
done

# Manual pages: each program's, formatted without a warning.
for page in postern postern-run postern-sandbox; do
    file=$share/man/man1/$page.1.gz
    [ -f "$file" ] || { say_fail "no manual page for $page"; continue; }
    out=$(zcat "$file" | groff -man -ww -z -t 2>&1)
    [ -z "$out" ] || say_fail "groff warns on $page.1: $out"
done

# MIME types: compiled as a desktop compiles them, read by Qt.
if update-mime-database "$share/mime" >/dev/null 2>&1; then
    XDG_DATA_DIRS=$share:/usr/share QT_QPA_PLATFORM=offscreen "$mimetest" || say_fail "tst_mimetypes"
else
    say_fail "update-mime-database refused the MIME package"
fi

# The bash completion, as bash-completion loads it.
out=$(PATH=$root/usr/bin:$PATH bash -c '
    source /usr/share/bash-completion/bash_completion
    source "$1/bash-completion/completions/postern-run"
    complete_words() {
        COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMP_LINE="${COMP_WORDS[*]}"
        COMP_POINT=${#COMP_LINE}; COMPREPLY=()
        local fn; fn=$(complete -p "$1" | sed "s/.*-F \([^ ]*\).*/\1/")
        "$fn" "$1" "${COMP_WORDS[-1]}" "${COMP_WORDS[-2]}"
        echo "${COMPREPLY[*]}"
    }
    complete_words postern-run --reporter-j
    complete_words postern run --color ""
    complete_words postern token ""
    complete_words postern token get --req
' bash "$share" 2>&1)
expected=$'--reporter-json-export --reporter-junit-export\nauto on off\nget\n--request'
[ "$out" = "$expected" ] || say_fail "bash completion gave:
$out
instead of:
$expected"

# The installed programs find each other: the script worker in the library folder.
work=$(mktemp -d)
cat >"$work/c.json" <<'JSON'
{ "info": { "name": "worker", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
  "item": [ { "name": "one", "request": { "method": "GET", "url": "http://127.0.0.1:9/" },
              "event": [ { "listen": "prerequest", "script": { "exec": ["console.log('ran in ' + typeof pm)"] } } ] } ] }
JSON
out=$(env -u DISPLAY -u WAYLAND_DISPLAY "$root/usr/bin/postern-run" "$work/c.json" --isolate-scripts --verbose \
    --color off 2>&1)
code=$?
rm -rf "$work"
[ "$code" -ne 8 ] || say_fail "the installed postern-run does not find postern-script-worker: $out"
echo "$out" | grep -q "ran in object" || say_fail "the script did not run in the worker: $out"
for program in postern postern-run postern-sandbox; do
    env -u DISPLAY -u WAYLAND_DISPLAY "$root/usr/bin/$program" --version >/dev/null 2>&1 \
        || say_fail "the installed $program --version fails"
done

[ "$fail" -eq 0 ] && echo "PASS: the installed files check out"
exit "$fail"
