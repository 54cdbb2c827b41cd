#!/usr/bin/env bash
# Installs a built Postern package into a fresh Debian 12 root (debootstrap minbase) the way a user
# would (apt install ./postern_*.deb), starts it there under Xvfb on its sandbox instance, sends the
# ready-made request, takes screenshots, then removes it with apt and lists what was left behind
# (nothing, or the check fails). Needs root and the Debian mirror; takes a few minutes.
# usage: sudo bash packaging/check-deb-in-debian-root.sh build/package/postern_0.1.0_amd64.deb [ROOT] [SHOTS]
set -euo pipefail
deb=$(realpath "$1")
root=${2:-/var/tmp/postern-debian-root}
shots=$(realpath -m "${3:-postern-root-shots}")
mkdir -p "$shots"

if [ ! -f "$root/etc/debian_version" ]; then
    command -v debootstrap >/dev/null || apt-get install -y -q --no-install-recommends debootstrap
    debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian
fi
mounted=()
mount_in() { mount "$@"; mounted=("${!#}" "${mounted[@]}"); }
cleanup() { for m in "${mounted[@]}"; do umount -l "$m" 2>/dev/null || true; done; }
trap cleanup EXIT
mount_in -t proc proc "$root/proc"
mount_in --bind /dev "$root/dev"
mount_in -t devpts devpts "$root/dev/pts"
mount_in -t tmpfs shm "$root/dev/shm"
mount_in -t sysfs sys "$root/sys"
cp /etc/resolv.conf "$root/etc/resolv.conf"
inside() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }
apt_inside() { inside env DEBIAN_FRONTEND=noninteractive apt-get "$@"; }

cp "$deb" "$root/tmp/"
name=$(basename "$deb")
# What the check itself uses: an X server, a keyboard, a screen grabber (import: xwd misses Qt's
# dialogs).
apt_inside update -q
apt_inside install -y -q --no-install-recommends xvfb xauth xdotool imagemagick
# The package with what it depends on, then without it: what is on disk with its dependencies only.
apt_inside install -y -q --no-install-recommends "/tmp/$name"
apt_inside remove -y -q postern
# Not the package's: Qt WebEngine's helper process, run as root here, makes an empty
# /usr/lib/qt6/libexec/locales (a normal user cannot write there).
snapshot() { inside find / -xdev \( -path /proc -o -path /sys -o -path /dev -o -path /tmp -o -path /root -o \
    -path /var/log -o -path /var/cache -o -path /var/lib/apt -o -path /var/lib/dpkg \) -prune -o -print |
    grep -vx /usr/lib/qt6/libexec/locales | sort; }
snapshot >"$shots/before.txt"

apt_inside install -y -q --no-install-recommends "/tmp/$name"
inside dpkg -L postern >"$shots/files.txt"
inside postern --version
inside postern-run --version
inside man -w postern >/dev/null 2>&1 || true

# Postern as a user starts it (as root here, so Chromium's sandbox is off as packaging/dev.sh does),
# driven from the keyboard: the ready-made request sent with Basic auth, then the headline flow
# (Authorization > OAuth 2.0 > Get New Access Token, the sandbox's login and consent pages in the login
# window, Use Token) and the request sent again with the token. A screenshot after each step.
cat >"$root/tmp/session.sh" <<'SESSION'
set -u
export QTWEBENGINE_DISABLE_SANDBOX=1
rm -rf /root/.config/Postern /root/.local/share/Postern # a user's first start
postern >/tmp/postern.log 2>&1 &
pid=$!
shot() { sleep "$2"; import -window root "/tmp/$1.png"; }
keys() { xdotool key --delay 80 "$@"; }
window=$(xdotool search --sync --onlyvisible --name '^Postern' | head -n1)
sleep 4 # the sandbox instance starts after the window shows
xdotool windowfocus --sync "$window"
shot 1-started 0
keys ctrl+Return
shot 2-sent-basic 3
keys alt+a alt+t o # Authorization, Type: OAuth 2.0
shot 3-oauth-pane 1
keys alt+g # Get New Access Token
shot 4-get-new-access-token 2
keys alt+i; xdotool type --delay 40 postern
keys alt+s; xdotool type --delay 40 postern-secret
shot 5-form-filled 1
keys alt+r # Request Token: the login window, given the keyboard (there is no window manager here)
login=$(xdotool search --sync --onlyvisible --name '^Sign in to authorize Postern$' | head -n1)
xdotool windowfocus --sync "$login"
shot 6-login-page 8
keys Tab; xdotool type --delay 40 admin
keys Tab; xdotool type --delay 40 admin
keys Return
shot 7-consent-page 5
keys Tab Return # Allow
shot 8-token 5
tokens=$(xdotool search --sync --onlyvisible --name '^Manage Access Tokens$' | head -n1)
xdotool windowfocus --sync "$tokens"
keys alt+u # Use Token
shot 9-token-used 2
xdotool windowfocus --sync "$window"
keys alt+e # the Headers tab: Authorization: Bearer ****
shot 10-headers 1
keys ctrl+Return
shot 11-sent-bearer 4
xdotool search --name '.' getwindowname 2>/dev/null | sort -u
kill "$pid"; wait "$pid" 2>/dev/null
SESSION
inside xvfb-run -a -s "-screen 0 1280x860x24" bash /tmp/session.sh || true
mv "$root"/tmp/[0-9]*-*.png "$shots/"
cat "$root/tmp/postern.log" || true

apt_inside remove -y -q postern
snapshot >"$shots/after.txt"
if diff -u "$shots/before.txt" "$shots/after.txt" >"$shots/left-behind.diff"; then
    echo "apt remove left nothing behind"
else
    echo "FAIL: apt remove left these behind:"; cat "$shots/left-behind.diff"; exit 1
fi
echo "screenshots in $shots"
