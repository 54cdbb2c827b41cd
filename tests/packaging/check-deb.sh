#!/usr/bin/env bash
# The Debian package as `cpack -G DEB` makes it (the README's command): its dependencies computed by
# dpkg-shlibdeps and completed with what the programs load without linking, its files where Debian
# puts them, and lintian's verdict: no error, and no warning but the ones listed below with the reason
# each is accepted.
# usage: check-deb.sh BUILD-DIR
set -uo pipefail
build=$1
fail=0
say_fail() { echo "FAIL: $*"; fail=1; }
for tool in dpkg-deb:dpkg dpkg-shlibdeps:dpkg-dev file:file lintian:lintian; do
    command -v "${tool%%:*}" >/dev/null 2>&1 && continue
    echo "FAIL: ${tool%%:*} is missing (Debian package ${tool#*:}; packaging/dev.sh installs it)"
    exit 1
done

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
if ! (cd "$build" && cpack -G DEB -B "$out") >"$out/cpack.log" 2>&1; then
    cat "$out/cpack.log"; echo "FAIL: cpack -G DEB"; exit 1
fi
grep -qi "shlibdeps.*not available\|CPackDeb: file utility" "$out/cpack.log" && say_fail "cpack did not compute dependencies: $(cat "$out/cpack.log")"
deb=$(ls "$out"/postern_*.deb 2>/dev/null | head -n1)
[ -n "$deb" ] || { cat "$out/cpack.log"; echo "FAIL: no postern_*.deb"; exit 1; }
echo "built $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB)"

depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
# From dpkg-shlibdeps (linked) and from the list (loaded at run time).
for package in libqt6core6 libqt6widgets6 libqt6network6 libqt6networkauth6 libqt6webenginecore6 \
    libqt6webenginewidgets6 libqt6qml6 libqt6httpserver6 libqt6keychain1 libsodium23 libqrencode4 \
    libssl3 qt6-qpa-plugins libqt6svg6 libqt6webenginecore6-bin; do
    echo "$depends" | grep -Eq "(^|[ ,])$package( |,|$)" || say_fail "Depends lacks $package"
done

listing=$(dpkg-deb -c "$deb" | awk '{print $6}')
for path in ./usr/bin/postern ./usr/bin/postern-run ./usr/bin/postern-sandbox \
    ./usr/share/applications/io.postern.Postern.desktop ./usr/share/metainfo/io.postern.Postern.metainfo.xml \
    ./usr/share/mime/packages/io.postern.Postern.xml ./usr/share/icons/hicolor/scalable/apps/io.postern.Postern.svg \
    ./usr/share/icons/hicolor/48x48/apps/io.postern.Postern.png ./usr/share/man/man1/postern.1.gz \
    ./usr/share/man/man1/postern-run.1.gz ./usr/share/man/man1/postern-sandbox.1.gz \
    ./usr/share/bash-completion/completions/postern ./usr/share/bash-completion/completions/postern-run \
    ./usr/share/doc/postern/copyright ./usr/share/doc/postern/changelog.gz; do
    echo "$listing" | grep -qx -- "$path" || say_fail "the package lacks $path"
done
echo "$listing" | grep -q '/postern/postern-script-worker$' || say_fail "the package lacks postern-script-worker"
echo "$listing" | grep -q '/postern/libpostern_login.so$' || say_fail "the package lacks the login window's library"
echo "$listing" | grep -q '^./usr/bin/postern-script-worker$' && say_fail "postern-script-worker is on the PATH"
echo "$listing" | grep -Eq '^./usr/(local|include)|/tests?/' && say_fail "the package holds files it should not: $(echo "$listing" | grep -E '^./usr/(local|include)|/tests?/')"

# lintian. Accepted, each for its reason:
#  no-manual-page: none (every program has one; a helper in the library folder needs none)
accepted='^$'
lint=$(lintian --tag-display-limit 0 "$deb" 2>&1)
echo "$lint" | sed 's/^/lintian: /'
errors=$(echo "$lint" | grep -E '^[EW]: ' | grep -Ev "$accepted")
[ -z "$errors" ] || say_fail "lintian: $errors"

[ "$fail" -eq 0 ] && echo "PASS: $(basename "$deb")"
exit "$fail"
