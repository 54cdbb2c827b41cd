#!/usr/bin/env bash
# The smoke test of `postern run` as a CI job uses it: the real postern-sandbox started on a free port,
# `postern run` (the application's executable, which hands over to postern-run) on a collection against
# it with the junit reporter, and the JUnit file read by a consumer nobody here wrote: junitparser
# (Debian's python3-junitparser). Exit 77 (skipped, with the reason printed) when it is missing.
# usage: postern-run-smoke.sh POSTERN POSTERN-SANDBOX COLLECTION
set -uo pipefail
postern=$1
sandbox=$2
collection=$3
python=/usr/bin/python3
if ! "$python" -c 'import junitparser' 2>/dev/null; then
    echo "SKIP: junitparser is not installed (apt-get install python3-junitparser; packaging/dev.sh installs it)"
    exit 77
fi
work=$(mktemp -d)
"$sandbox" --port 0 >"$work/sandbox.out" 2>"$work/sandbox.err" &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do
    [ -s "$work/sandbox.out" ] && break
    sleep 0.1
done
url=$(head -n1 "$work/sandbox.out")
case "$url" in
http://127.0.0.1:*) ;;
*) echo "FAIL: the sandbox did not start: $(cat "$work/sandbox.err")"; exit 1 ;;
esac

env -u DISPLAY -u WAYLAND_DISPLAY "$postern" run "$collection" --env-var "baseUrl=$url" -n 2 \
    -r cli,junit --reporter-junit-export "$work/junit.xml" --color off
status=$?
if [ "$status" -ne 0 ]; then
    echo "FAIL: postern run exited with $status"
    exit 1
fi

"$python" - "$work/junit.xml" "$collection" <<'PY'
import json
import sys
from junitparser import JUnitXml, Failure, Error, Skipped

def requests(items):
    return sum(requests(item["item"]) if "item" in item else 1 for item in items)

expected = 2 * requests(json.load(open(sys.argv[2], encoding="utf-8"))["item"])
xml = JUnitXml.fromfile(sys.argv[1])
suites = list(xml)
problems = []
if len(suites) != expected:
    problems.append(f"{len(suites)} test suites, expected {expected} (each request in each of 2 iterations)")
names = [suite.name for suite in suites]
if "List incidents (iteration 1)" not in names or "List incidents (iteration 2)" not in names:
    problems.append(f"no suite per iteration: {names}")
total = 0
for suite in suites:
    cases = list(suite)
    total += len(cases)
    failures = sum(isinstance(r, Failure) for c in cases for r in c.result)
    errors = sum(isinstance(r, Error) for c in cases for r in c.result)
    skipped = sum(isinstance(r, Skipped) for c in cases for r in c.result)
    if suite.tests != len(cases) or suite.failures != failures or suite.errors != errors:
        problems.append(f"{suite.name}: says tests={suite.tests} failures={suite.failures} errors={suite.errors},"
                        f" holds {len(cases)}, {failures}, {errors}")
    if failures or errors:
        problems.append(f"{suite.name}: {failures} failures, {errors} errors in an all-passing run")
    if skipped:
        problems.append(f"{suite.name}: {skipped} skipped")
if xml.tests != total:
    problems.append(f"the file says {xml.tests} tests, its suites hold {total}")
if total < expected:
    problems.append(f"only {total} test cases")
if problems:
    print("FAIL: " + "\n      ".join(problems))
    sys.exit(1)
print(f"PASS: {len(suites)} suites, {total} test cases, read by junitparser")
PY
