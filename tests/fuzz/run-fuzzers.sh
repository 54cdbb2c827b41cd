#!/usr/bin/env bash
# Runs each libFuzzer target of a POSTERN_FUZZ build: first over its regression inputs
# (regressions/<target>/, each once a crash, a hang or an out-of-memory; all must pass), then fuzzing
# for SECONDS from a fresh corpus of its seeds (the project's test files named in CMakeLists.txt).
# Prints one line per target: runs, coverage, corpus size, and what it found. A finding is kept in
# FINDINGS-DIR (default: a temporary folder, named in the output) and fails the run.
# usage: run-fuzzers.sh FUZZ-BUILD-DIR SECONDS [TARGET...]
set -uo pipefail
build=$1
seconds=$2
shift 2
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
fuzzdir=$build/tests/fuzz
[ -f "$fuzzdir/fuzzers.txt" ] || { echo "FAIL: $build is not a POSTERN_FUZZ build (packaging/dev.sh test builds one in build/sanitize)"; exit 1; }
targets=("$@")
[ ${#targets[@]} -gt 0 ] || read -r -a targets <<<"$(tr ';' ' ' <"$fuzzdir/fuzzers.txt")"
findings=${POSTERN_FUZZ_FINDINGS:-$(mktemp -d)}
mkdir -p "$findings"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export QT_QPA_PLATFORM=offscreen
fail=0
for target in "${targets[@]}"; do
    program=$fuzzdir/$target
    [ -x "$program" ] || { echo "FAIL: $target is not built"; fail=1; continue; }
    read -r -a options <"$fuzzdir/$target.options" || options=()
    # A target without leak checks (see CMakeLists.txt) has none at its exit either.
    asan=$ASAN_OPTIONS
    [[ " ${options[*]} " == *" -detect_leaks=0 "* ]] && asan=${asan//detect_leaks=1/detect_leaks=0}
    # Regressions: each input once.
    if [ -d "$here/regressions/$target" ] && [ -n "$(ls -A "$here/regressions/$target")" ]; then
        # Files (not a folder) as arguments: libFuzzer runs each once.
        if ! ASAN_OPTIONS=$asan "$program" "${options[@]}" -timeout=10 -rss_limit_mb=2048 "$here"/regressions/"$target"/* \
            >"$findings/$target.regressions.log" 2>&1; then
            echo "FAIL: $target: a regression input fails again:"; tail -n 30 "$findings/$target.regressions.log"
            fail=1
            continue
        fi
    fi
    corpus=$(mktemp -d)
    while IFS= read -r seed; do
        [ -n "$seed" ] && [ -f "$seed" ] && cp "$seed" "$corpus/$(basename "$seed")"
    done <"$fuzzdir/$target.seeds"
    if [ "$target" = fuzz_jsonpath ] && command -v jq >/dev/null; then
        # The JSONPath compliance suite's selectors, one a seed.
        jq -r '.tests[].selector' "$here/../auto/bodyview/data/jsonpath-cts.json" | head -n 400 | split -l 1 - "$corpus/cts-"
    fi
    seeds=$(ls "$corpus" | wc -l)
    log=$findings/$target.log
    ASAN_OPTIONS=$asan "$program" "${options[@]}" "$corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -artifact_prefix="$findings/$target-" -print_final_stats=1 >"$log" 2>&1
    code=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n1)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n1)
    kept=$(ls "$corpus" | wc -l)
    rm -rf "$corpus"
    if [ "$code" -ne 0 ]; then
        echo "FAIL: $target found a problem after ${runs:-?} runs ($(ls "$findings" | grep -c "^$target-") input(s) in $findings):"
        grep -E 'ERROR|SUMMARY|runtime error|abort|Copy as cURL|CheckScript' "$log" | head -n 8
        fail=1
    else
        echo "$target: ${seconds}s, ${runs:-?} runs, ${cov:-cov: ?}, $seeds seeds -> $kept inputs, nothing found"
    fi
done
[ "$fail" -eq 0 ] || echo "logs and findings: $findings"
exit "$fail"
