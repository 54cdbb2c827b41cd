#!/usr/bin/env bash
# Postern's developer commands. Each installs what is missing (Debian packages from
# packaging/debian-packages.txt), builds, and then:
#   dev.sh run    starts Postern (on the built-in sandbox instance unless one is configured)
#   dev.sh test   runs every test, in the release build and again in the sanitizer build
#                 (build/sanitize: AddressSanitizer and UndefinedBehaviorSanitizer, with the fuzzers of
#                 tests/fuzz/), each ending with CTest's summary; non-zero on any failure
#                 (first it also installs Node.js if missing, and the npm packages of tests/e2e/oidc
#                 and tests/e2e/newman)
#   dev.sh fuzz [SECONDS] [TARGET...]  builds the fuzzers and runs each for SECONDS (default 300)
#   dev.sh deb    makes the Debian package build/package/postern_VERSION_ARCH.deb (cpack)
# Idempotent: with nothing missing and nothing changed, it goes straight to running.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${POSTERN_BUILD_DIR:-$root/build}
cmd=${1:-}
shift || true

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_packages() {
    local wanted=() missing=() pkg
    mapfile -t wanted < <(sed -e 's/#.*//' -e 's/[[:space:]]//g' -e '/^$/d' "$root/packaging/debian-packages.txt")
    for pkg in "${wanted[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "postern: installing ${missing[*]}"
        as_root apt-get update -q
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
    fi
}

# The end-to-end tests run npm packages on Node.js 18 or later: oidc-provider (tests/e2e/oidc) and
# newman, Postman's collection runner (tests/e2e/newman). Debian's nodejs and npm only when the
# commands are missing: a Node.js from elsewhere (e.g. the nodesource package, which bundles npm) must
# not be replaced. Each folder's packages come from its committed lockfile, again only when the
# lockfile is newer than that folder's last complete install.
install_npm_packages() {
    local name dir stamp
    if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
        echo "postern: installing nodejs npm"
        as_root apt-get update -q
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends nodejs npm
    fi
    for name in oidc newman; do
        dir=$root/tests/e2e/$name
        stamp=$dir/node_modules/.postern-npm-ci
        if [ ! -f "$stamp" ] || [ "$dir/package-lock.json" -nt "$stamp" ]; then
            echo "postern: installing the npm packages of tests/e2e/$name (node $(node --version))"
            (cd "$dir" && npm ci --no-audit --no-fund)
            touch "$stamp"
        fi
    done
}

configure_and_build() {
    local werror=OFF
    [ "${CI:-}" = "true" ] && werror=ON
    if [ ! -f "$build/CMakeCache.txt" ]; then
        cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPOSTERN_WERROR=$werror \
            -DCMAKE_INSTALL_PREFIX=/usr
    else
        cmake "$build" -DPOSTERN_WERROR=$werror -DCMAKE_INSTALL_PREFIX=/usr >/dev/null
    fi
    cmake --build "$build" -j"$(nproc)"
}

# The sanitizer build (build/sanitize): clang, with AddressSanitizer and UndefinedBehaviorSanitizer
# on everything, the tests and the libFuzzer targets (tests/fuzz/) included. `dev.sh test` runs the
# whole suite in it a second time, where a sanitizer's report fails the test it came from; its
# fuzz_smoke runs each fuzzer for a few seconds.
build_sanitized() {
    local werror=OFF sanitize=$build/sanitize
    [ "${CI:-}" = "true" ] && werror=ON
    if [ ! -f "$sanitize/CMakeCache.txt" ]; then
        # -O1, as the sanitizers and libFuzzer advise: quicker to build, and the reports keep their lines (-g1).
        cmake -S "$root" -B "$sanitize" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
            -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" -DPOSTERN_FUZZ=ON -DPOSTERN_WERROR=$werror
    else
        cmake "$sanitize" -DPOSTERN_WERROR=$werror >/dev/null
    fi
    cmake --build "$sanitize" -j"$(nproc)" "$@"
}

case "$cmd" in
run)
    install_packages
    configure_and_build
    # Chromium (the login window) refuses to run as root with its sandbox on; a normal user keeps it.
    [ "$(id -u)" -eq 0 ] && export QTWEBENGINE_DISABLE_SANDBOX=1
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
        echo "postern: no display found; starting under xvfb-run (nothing will be visible)"
        exec xvfb-run -a "$build/ui/postern" "$@"
    fi
    exec "$build/ui/postern" "$@"
    ;;
test)
    install_packages
    install_npm_packages
    configure_and_build
    build_sanitized
    status=0
    echo "postern: the tests of the release build ($build)"
    (cd "$build" && ctest --output-on-failure --timeout 300 -j2 "$@") || status=1
    echo "postern: the same tests with AddressSanitizer and UndefinedBehaviorSanitizer ($build/sanitize)"
    (cd "$build/sanitize" && ctest --output-on-failure --timeout 600 -j2 "$@") || status=1
    [ $status -eq 0 ] && echo "postern: every test passed in both builds"
    exit $status
    ;;
fuzz)
    install_packages
    build_sanitized --target postern_fuzzers
    exec bash "$root/tests/fuzz/run-fuzzers.sh" "$build/sanitize" "${1:-300}" "${@:2}"
    ;;
deb)
    install_packages
    configure_and_build
    (cd "$build" && cpack -G DEB -B "$build/package")
    ls "$build"/package/postern_*.deb
    ;;
*)
    echo "usage: packaging/dev.sh run|test|fuzz|deb [arguments for postern, ctest or the fuzzers]" >&2
    exit 2
    ;;
esac
