#!/usr/bin/env bash
# The walkthroughs as tests: run every scripts/*.lua headless and fail if
# any of them exits non-zero.  Each walkthrough checks every claim it
# narrates against the model and raises an error when one does not hold,
# so a wrong model (or a broken Lua binding) makes its run fail with the
# claim in the message.
#
# Headless a walkthrough prints its narration and what it prints itself,
# not its commands' stage trail or traces: each run must stay within
# MAX_LINES lines.  --verbose brings the trail back: a walkthrough that
# steps (one that prints a stopped request's place, "cpuN: stopped at")
# must show "stage:" lines with it and none without.
#
#   tests/lua/walkthroughs.sh [NAME...]     run all, or only the named ones
#                                           (01-buddy, 01-buddy.lua or just 01)
#   MMSCOPE=build-asan/mmscope tests/lua/walkthroughs.sh
#   VERBOSE=1 tests/lua/walkthroughs.sh     show every run's output
set -uo pipefail

dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$dir/../.." && pwd)
mmscope=${MMSCOPE:-./mmscope}
case $mmscope in /*) ;; *) mmscope=$root/$mmscope ;; esac
cd "$root"

if [[ ! -x $mmscope ]]; then
	echo "walkthroughs.sh: $mmscope is not built (make)" >&2
	exit 2
fi

if [[ $# -gt 0 ]]; then
	files=()
	for name in "$@"; do
		name=${name%.lua}; name=${name##*/}
		# a number alone (05) names the walkthrough that starts with it
		match=(scripts/"$name".lua)
		[[ -f ${match[0]} ]] || match=(scripts/"$name"-*.lua)
		files+=("${match[0]}")
	done
else
	shopt -s nullglob
	files=(scripts/*.lua)
fi
if [[ ${#files[@]} -eq 0 ]]; then
	echo "walkthroughs.sh: no scripts/*.lua" >&2
	exit 2
fi

MAX_LINES=200
log=$(mktemp)
verbose=$(mktemp)
trap 'rm -f "$log" "$verbose"' EXIT
passed=0 failed=0
for script in "${files[@]}"; do
	name=$(basename "$script" .lua)
	if [[ ! -f $script ]]; then
		echo "FAIL $name: no such script $script"
		failed=$((failed + 1))
		continue
	fi
	"$mmscope" --batch "$script" >"$log" 2>&1 </dev/null
	rc=$?
	[[ ${VERBOSE:-} == 1 ]] && cat "$log"
	# a script that never narrates did not really run
	if [[ $rc -eq 0 ]] && ! grep -q '^| ' "$log"; then
		echo "FAIL $name: exit status 0 but no narration"
		failed=$((failed + 1))
	elif [[ $rc -eq 0 ]] && (( $(wc -l <"$log") > MAX_LINES )); then
		echo "FAIL $name: $(wc -l <"$log") lines headless (at most $MAX_LINES)"
		failed=$((failed + 1))
	elif [[ $rc -eq 0 ]] && grep -q '^stage: ' "$log"; then
		echo "FAIL $name: the stage trail is printed without --verbose"
		failed=$((failed + 1))
	elif [[ $rc -eq 0 ]] && ! "$mmscope" --batch "$script" --verbose >"$verbose" 2>&1 </dev/null; then
		echo "FAIL $name: fails with --verbose"
		failed=$((failed + 1))
	elif [[ $rc -eq 0 ]] && grep -qE 'step = true|mm\.step|mm\["break"\]|mm\.break_' "$script" &&
		! grep -q '^stage: ' "$verbose"; then
		echo "FAIL $name: no stage trail with --verbose"
		failed=$((failed + 1))
	elif [[ $rc -eq 0 ]]; then
		echo "ok   $name ($(wc -l <"$log") lines; $(wc -l <"$verbose") with --verbose)"
		passed=$((passed + 1))
	else
		echo "FAIL $name (exit status $rc):"
		grep -v '^==[0-9]*==WARNING: ASan' "$log" | tail -n 15 | sed 's/^/    /'
		failed=$((failed + 1))
	fi
done

echo "walkthroughs: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
