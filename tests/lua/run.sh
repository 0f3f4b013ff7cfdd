#!/usr/bin/env bash
# Lua API tests: run every tests/lua/NAME.lua headless (mmscope --batch)
# from the top directory.  A test passes when it exits 0; it fails by
# raising an error (testlib.lua has the checks).
#
#   tests/lua/run.sh [NAME...]          run all, or only the named ones
#   MMSCOPE=build-asan/mmscope tests/lua/run.sh
#   LUA_TEST_TIMEOUT=SECONDS     a test still running then fails (default 120)
#
# Leading comment lines may hold directives:
#   -- machine: NAME        the preset or machine file (default tiny)
#   -- flags: OPTIONS       more options for mmscope (--trust)
#   -- expect-error: TEXT   the script must fail (exit status 1) and print TEXT
set -uo pipefail

dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$dir/../.." && pwd)
mmscope=${MMSCOPE:-./mmscope}
case $mmscope in /*) ;; *) mmscope=$root/$mmscope ;; esac
# tests that run mmscope themselves (require.lua) find it here
export MMSCOPE=$mmscope
cd "$root" || exit 2

if [[ ! -x $mmscope ]]; then
	echo "run.sh: $mmscope is not built (make)" >&2
	exit 2
fi

# directive NAME FILE: the value of "-- NAME: value" among the leading comments
directive() {
	awk -v key="$1" '
		!/^--/ { exit }
		{ line = $0; sub(/^--[ \t]*/, "", line)
		  if (index(line, key ":") == 1) {
			sub(/^[^:]*:[ \t]*/, "", line); sub(/[ \t]+$/, "", line)
			print line; exit } }' "$2"
}

if [[ $# -gt 0 ]]; then
	files=()
	for name in "$@"; do
		name=${name%.lua}; name=${name##*/}
		files+=("tests/lua/$name.lua")
	done
else
	files=()
	for f in tests/lua/*.lua; do
		[[ $f == tests/lua/testlib.lua ]] || files+=("$f")
	done
fi

# a test that hangs fails instead of stopping the run
limit=${LUA_TEST_TIMEOUT:-120}
passed=0 failed=0
for f in "${files[@]}"; do
	name=$(basename "$f" .lua)
	machine=$(directive machine "$f")
	flags=$(directive flags "$f")
	expect=$(directive expect-error "$f")
	# shellcheck disable=SC2086  # flags are words
	out=$(timeout "$limit" "$mmscope" --machine "${machine:-tiny}" $flags --batch "$f" 2>&1 </dev/null)
	status=$?
	if [[ $status -eq 124 ]]; then
		echo "FAIL $name: still running after ${limit}s (killed)"
		printf '%s\n' "$out" | tail -n 15 | sed 's/^/    /'
		failed=$((failed + 1))
		continue
	fi
	if [[ -n $expect ]]; then
		if [[ $status -eq 1 && $out == *"$expect"* ]]; then
			echo "ok   $name (failed as expected)"
			passed=$((passed + 1))
			continue
		fi
		echo "FAIL $name: wanted exit status 1 and '$expect', got status $status:"
	elif [[ $status -eq 0 ]]; then
		echo "ok   $name"
		passed=$((passed + 1))
		continue
	else
		echo "FAIL $name (exit status $status):"
	fi
	printf '%s\n' "$out" | tail -n 15 | sed 's/^/    /'
	failed=$((failed + 1))
done

echo "lua tests: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
