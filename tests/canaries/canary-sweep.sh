#!/usr/bin/env bash
# The canary sweep: after the whole end-to-end suite, every secret the tests used or were issued is
# searched for, as a fixed string, in everything the run logged and left behind. The tests record
# their secrets one per line in SWEEP_DIR/secrets.txt (Postern::Testing::recordCanary, through
# POSTERN_CANARY_FILE) and keep the reports they checked in SWEEP_DIR/reports (POSTERN_CANARY_DIR).
# CTest runs the two modes as the fixture postern_canaries (tests/canaries/CanaryTests.cmake):
#
#   canary-sweep.sh setup SWEEP_DIR
#       before the tests: empties SWEEP_DIR and stamps the start of the run.
#   canary-sweep.sh sweep SWEEP_DIR BUILD_DIR [TEST=FEWEST]...
#       after them: searches CTest's logs (BUILD_DIR/Testing), the kept reports, what the tests left
#       in the user's folders (~/.qttest; ~/.config, ~/.local/share and ~/.cache entries named after
#       Postern or a test), files of BUILD_DIR and of the temporary folder changed during the run
#       (core files among them), and the folder of core_pattern when it is one.
#
# TEST=FEWEST names a test that records its secrets and the fewest it records when it passes. The
# sweep fails when the tests that passed in this run recorded fewer in all: a search for secrets
# nobody recorded finds nothing, and says nothing. Before searching, a random canary is planted in two
# of the places searched and must be found, so that the sweep cannot silently search nothing.
# A secret is never printed: a finding names the file and the line of secrets.txt that holds it.
set -euo pipefail

readonly LARGEST=$((50 * 1024 * 1024)) # bytes; larger files (a core file aside) are skipped
readonly SHORTEST=8 # characters; shorter values are too likely to occur by chance

say() { printf 'canary sweep: %s\n' "$*"; }
die() {
    printf 'canary sweep: FAILED: %s\n' "$*" >&2
    exit 1
}
usage() {
    cat >&2 <<'EOF'
usage: canary-sweep.sh setup SWEEP_DIR
       canary-sweep.sh sweep SWEEP_DIR BUILD_DIR [TEST=FEWEST]...
EOF
    exit 2
}

setup() {
    local sweep=$1
    # The folder is deleted whole: only one named as CMake names it, so that a wrong argument cannot
    # empty anything else.
    [[ $(basename -- "$sweep") == canary-sweep ]] \
        || die "setup: refusing to empty $sweep: the sweep folder must be named canary-sweep"
    rm -rf -- "$sweep"
    mkdir -p -- "$sweep/reports"
    date -u '+%Y-%m-%d %H:%M:%S.%N UTC' >"$sweep/start-stamp"
    say "$sweep emptied; the run started at $(cat -- "$sweep/start-stamp")"
}

# --- sweep ------------------------------------------------------------------------------------------

SECRETS=() # distinct secrets, in the order recorded
SECRET_LINES=() # the line of secrets.txt each one is on
PLANTED=() # files of the self-check, removed on exit
WORK=""

cleanUp() {
    local file
    for file in "${PLANTED[@]}"; do
        rm -f -- "$file"
    done
    [[ -z $WORK ]] || rm -rf -- "$WORK"
}

# text with every secret replaced by the line of secrets.txt it is on, for printing paths.
redact() {
    local text=$1 i
    for i in "${!SECRETS[@]}"; do
        text=${text//"${SECRETS[i]}"/<the secret of line ${SECRET_LINES[i]}>}
    done
    printf '%s' "$text"
}

readSecrets() {
    local file=$1 line number=0
    local -A seen=()
    [[ -f $file ]] || return 0
    while IFS= read -r line || [[ -n $line ]]; do
        number=$((number + 1))
        line=${line%$'\r'}
        ((${#line} >= SHORTEST)) || continue
        [[ -z ${seen[$line]+set} ]] || continue
        seen[$line]=1
        SECRETS+=("$line")
        SECRET_LINES+=("$number")
    done <"$file"
}

# The names of the tests that ran in this CTest run (log on standard input), one "passed NAME" or
# "ran NAME" line each; what the tests print between "Output:" and "<end of output>" is not read.
testsOfTheRun() {
    awk '
        /^[0-9]+\/[0-9]+ Testing: / { name = $0; sub(/^[0-9]+\/[0-9]+ Testing: /, "", name); output = 0; print "ran " name; next }
        /^Output:$/ { output = 1; next }
        /^<end of output>$/ { output = 0; next }
        !output && name != "" && /^Test Passed\.$/ { print "passed " name }
    '
}

# NUL-separated regular files under root (find options after it), skipping the sweep's own record
# and work folder wherever they are; what cannot be read is counted in $WORK/unreadable.
filesUnder() {
    local root=$1
    shift
    [[ -d $root ]] || return 0
    find "$root" \( -path '*/canary-sweep/secrets.txt' -o -path '*/canary-sweep/work' \) -prune \
        -o -type f "$@" -print0 2>>"$WORK/unreadable" || true
}

sweep() {
    local sweep=$1 build=$2
    shift 2
    local started
    started=$(date +%s%N)
    local stamp=$sweep/start-stamp record=$sweep/secrets.txt
    [[ -f $stamp ]] || die "no start stamp in $sweep: canary_sweep_setup did not run first (the sweep runs as the cleanup of CTest's fixture postern_canaries)"
    [[ -d $build/Testing ]] || die "$build/Testing does not exist: is $build the build folder CTest runs in?"
    WORK=$sweep/work
    trap cleanUp EXIT
    rm -rf -- "$WORK"
    mkdir -p -- "$WORK"
    : >"$WORK/unreadable"

    # CTest appends each finished test's block to LastTest*.log.tmp while it runs (and renames it at the
    # end): the newest one changed since the start is this run's.
    local log
    log=$(find "$build/Testing/Temporary" -maxdepth 1 -type f -name 'LastTest*.log.tmp' -newer "$stamp" \
        -printf '%T@ %p\n' 2>/dev/null | sort -n | tail -n 1 | cut -d' ' -f2-)
    if [[ -z $log ]]; then
        ls -la --time-style=full-iso -- "$build/Testing/Temporary" "$stamp" >&2 || true
        die "CTest's running log ($build/Testing/Temporary/LastTest*.log.tmp) was not written during this run (the folder is listed above): the sweep runs inside a CTest run, as the cleanup of the fixture postern_canaries, and another ctest started in $build meanwhile (even ctest -N) replaces that log"
    fi

    # What the tests that passed must have recorded at the least.
    local ran expected=0 spec name fewest
    local -a required=() notPassed=()
    ran=$(testsOfTheRun <"$log")
    for spec in "$@"; do
        [[ $spec =~ ^([A-Za-z0-9_.-]+)=([0-9]+)$ ]] || die "bad argument \"$spec\": TEST=FEWEST expected"
        name=${BASH_REMATCH[1]}
        fewest=${BASH_REMATCH[2]}
        if grep -qxF "passed $name" <<<"$ran"; then
            expected=$((expected + fewest))
            required+=("$name (at least $fewest)")
        elif grep -qxF "ran $name" <<<"$ran"; then
            notPassed+=("$name")
        fi
    done
    readSecrets "$record"
    if ((${#required[@]} == 0 && ${#notPassed[@]} == 0)); then
        die "none of the tests that record their secrets (${*%%=*}) ran in this CTest run: there is nothing to sweep for"
    fi
    ((${#notPassed[@]} == 0)) \
        || say "did not pass (skipped or failed), so nothing is required of them: ${notPassed[*]}"
    local recordedBy
    recordedBy=$(printf '%s, ' "${required[@]}")
    recordedBy=${recordedBy%, }
    if ((${#SECRETS[@]} < expected)); then
        die "$record holds ${#SECRETS[@]} distinct secrets, fewer than the $expected that the tests that passed record at the least ($recordedBy): a test no longer records its secrets, or POSTERN_CANARY_FILE does not reach it"
    fi
    if ((${#SECRETS[@]} == 0)); then
        say "SKIP: no secret was recorded, and no test that records them passed: nothing to search for"
        exit 77
    fi
    say "${#SECRETS[@]} distinct secrets recorded in $record; the tests that passed record at least $expected: ${recordedBy:-none}"

    # The self-check: a random canary, planted in the temporary folder and among the reports.
    local tmp=${TMPDIR:-/tmp} canary plant
    [[ -d $tmp ]] || tmp=/tmp
    canary="postern-canary-selfcheck-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
    plant=$(mktemp "$tmp/postern-canary-selfcheck.XXXXXX")
    mkdir -p -- "$sweep/reports"
    PLANTED+=("$plant" "$sweep/reports/postern-canary-selfcheck.txt")
    for plant in "${PLANTED[@]}"; do
        printf 'planted by the canary sweep to check that it finds what it looks for: %s\n' "$canary" >"$plant"
    done
    printf '%s\n' "${SECRETS[@]}" "$canary" >"$WORK/patterns"

    # What is searched, by kind: NUL-separated lists of files.
    : >"$WORK/logs"
    filesUnder "$build/Testing" >>"$WORK/logs"
    filesUnder "$sweep" >"$WORK/reports"
    local home=${HOME:-} folder entry
    : >"$WORK/home"
    if [[ -n $home ]]; then
        filesUnder "$home/.qttest" >>"$WORK/home"
        for folder in "$home/.config" "$home/.local/share" "$home/.cache"; do
            [[ -d $folder ]] || continue
            while IFS= read -r -d '' entry; do
                if [[ -d $entry && ! -L $entry ]]; then
                    filesUnder "$entry" >>"$WORK/home"
                elif [[ -f $entry && ! -L $entry ]]; then
                    printf '%s\0' "$entry" >>"$WORK/home"
                fi
            done < <(find "$folder" -mindepth 1 -maxdepth 1 \( -iname '*postern*' -o -name 'tst_*' \) -print0)
        done
        # core files of programs whose working folder was the home folder
        find "$home" -maxdepth 1 -type f \( -name core -o -name 'core.[0-9]*' \) -print0 >>"$WORK/home" \
            2>>"$WORK/unreadable" || true
    fi
    # Files of the build tree changed during the run: what the tests wrote in their working folders,
    # core files included. Other build trees inside this one (a sanitizer build) are not this run's.
    local changed=(\( -newer "$stamp" -o -cnewer "$stamp" \))
    local small=(\( -size -$((LARGEST + 1))c -o -name core -o -name 'core.[0-9]*' \))
    local -a prune=(-path "$sweep" -o -path "$build/Testing")
    while IFS= read -r -d '' entry; do
        prune+=(-o -path "$(dirname -- "$entry")")
    done < <(find "$build" -mindepth 2 -maxdepth 3 -name CMakeCache.txt -print0 2>/dev/null)
    find "$build" \( "${prune[@]}" \) -prune -o -type f "${changed[@]}" "${small[@]}" -print0 \
        >"$WORK/build" 2>>"$WORK/unreadable" || true
    : >"$WORK/temporary"
    local -a temporaries=(/tmp)
    [[ $(realpath -- "$tmp") == /tmp ]] || temporaries+=("$tmp")
    for folder in "${temporaries[@]}"; do
        filesUnder "$folder" "${changed[@]}" "${small[@]}" >>"$WORK/temporary"
    done
    local pattern cores=""
    pattern=$(cat /proc/sys/kernel/core_pattern 2>/dev/null || true)
    if [[ $pattern == /* && $(dirname -- "$pattern") != *%* ]]; then
        cores=$(dirname -- "$pattern")
        filesUnder "$cores" "${changed[@]}" >>"$WORK/temporary"
    elif [[ $pattern == '|'* ]]; then
        say "core files go to ${pattern%% *} (core_pattern), outside the places searched"
    fi
    local skipped
    skipped=$(find "${temporaries[@]}" "$build" \( -path '*/canary-sweep' -o "${prune[@]}" \) -prune \
        -o -type f "${changed[@]}" -size +$((LARGEST))c ! -name core ! -name 'core.[0-9]*' -print 2>/dev/null \
        | wc -l || true)

    local kind count total=0
    local -a counts=()
    for kind in logs reports home build temporary; do
        count=$(tr -cd '\0' <"$WORK/$kind" | wc -c)
        counts+=("$count")
    done
    cat "$WORK"/{logs,reports,home,build,temporary} | sort -zu >"$WORK/files"
    total=$(tr -cd '\0' <"$WORK/files" | wc -c)
    grep -qzxF "$log" "$WORK/files" || die "self-check: CTest's running log $log is not among the files searched"

    # The search: file names first (a path holding a secret is printed redacted), then contents.
    local findings=0 file i where
    while IFS= read -r -d '' file; do
        for i in "${!SECRETS[@]}"; do
            if [[ $file == *"${SECRETS[i]}"* ]]; then
                say "LEAK: the name of $(redact "$file") holds the secret of line ${SECRET_LINES[i]} of $record"
                findings=$((findings + 1))
            fi
        done
    done < <(tr '\0' '\n' <"$WORK/files" | LC_ALL=C grep -F -f "$WORK/patterns" | tr '\n' '\0' || true)
    local status=0
    LC_ALL=C xargs -0 -r grep -F -l -Z -a -s -f "$WORK/patterns" -- <"$WORK/files" >"$WORK/hits" || status=$?
    # xargs says 123 when some grep found nothing (1) or could not read a file that went meanwhile (2).
    ((status == 0 || status == 123)) || die "grep could not search the files (xargs exit status $status)"

    for plant in "${PLANTED[@]}"; do
        grep -qzxF "$plant" "$WORK/hits" \
            || die "self-check: the canary planted in $plant was not found: the search does not work"
    done
    say "self-check: the canary planted in ${PLANTED[0]} and ${PLANTED[1]} was found"

    local leakedFiles=0 leaked
    while IFS= read -r -d '' file; do
        [[ " ${PLANTED[*]} " != *" $file "* ]] || continue
        leaked=0
        for i in "${!SECRETS[@]}"; do
            where=$(LC_ALL=C grep -n -F -a -e "${SECRETS[i]}" -- "$file" 2>/dev/null | cut -d: -f1 | head -n 5 \
                | paste -sd, - || true)
            [[ -n $where ]] || continue
            say "LEAK: $(redact "$file") (line $where) holds the secret of line ${SECRET_LINES[i]} of $record"
            findings=$((findings + 1))
            leaked=1
        done
        leakedFiles=$((leakedFiles + leaked))
    done <"$WORK/hits"

    local unreadable elapsed
    unreadable=$(grep -c . "$WORK/unreadable" || true)
    elapsed=$((($(date +%s%N) - started) / 1000000))
    say "searched $total files: ${counts[0]} of CTest's logs, ${counts[1]} kept reports, ${counts[2]} in the user's folders, ${counts[3]} in the build tree and ${counts[4]} in the temporary folder${cores:+ and $cores} changed during the run; $skipped skipped as larger than 50 MB, $unreadable entries unreadable"
    if ((findings > 0)); then
        die "$findings findings in $leakedFiles files (and file names) above, in $((elapsed / 1000)).$(printf '%03d' $((elapsed % 1000))) s"
    fi
    say "no secret found, in $((elapsed / 1000)).$(printf '%03d' $((elapsed % 1000))) s"
}

case ${1:-} in
setup)
    (($# == 2)) || usage
    setup "$2"
    ;;
sweep)
    (($# >= 3)) || usage
    sweep "${@:2}"
    ;;
*) usage ;;
esac
