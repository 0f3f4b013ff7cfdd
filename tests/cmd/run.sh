#!/usr/bin/env bash
# Golden transcripts: run every tests/cmd/NAME.cmd headless and compare what
# it prints (stdout and stderr, in order) with NAME.out.
#
#   tests/cmd/run.sh [NAME...]          run all, or only the named ones
#   UPDATE=1 tests/cmd/run.sh NAME      rewrite NAME.out from the current binary
#   MMSCOPE=build-asan/mmscope tests/cmd/run.sh   test another binary
#
# Leading comment lines of a .cmd file may hold directives:
#   # machine: NAME      the preset or machine file (default x86_64-4g)
set -euo pipefail

dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$dir/../.." && pwd)
mmscope=${MMSCOPE:-./mmscope}
case $mmscope in /*) ;; *) mmscope=$root/$mmscope ;; esac
cd "$root"

if [[ ! -x $mmscope ]]; then
	echo "run.sh: $mmscope is not built (make)" >&2
	exit 2
fi

# directive NAME FILE: the value of "# NAME: value" among the leading comments
directive() {
	awk -v key="$1" '
		!/^#/ { exit }
		{ line = $0; sub(/^#[ \t]*/, "", line)
		  if (index(line, key ":") == 1) {
			sub(/^[^:]*:[ \t]*/, "", line); sub(/[ \t]+$/, "", line)
			print line; exit } }' "$2"
}

# ASan announces once that it cannot fully follow swapcontext (step mode's
# coroutines); the sanitizer build's transcripts are the same without it
run_one() {
	local cmd=$1 out=${1%.cmd}.out machine
	machine=$(directive machine "$cmd")
	{ "$mmscope" --machine "${machine:-x86_64-4g}" --keep-going --echo \
		--batch "$cmd" 2>&1 </dev/null || echo "[exit status $?]"; } |
		grep -v "^==[0-9]*==WARNING: ASan doesn't fully support makecontext/swapcontext"
}

if [[ $# -gt 0 ]]; then
	files=()
	for name in "$@"; do
		name=${name%.cmd}; name=${name##*/}
		files+=("$dir/$name.cmd")
	done
else
	shopt -s nullglob
	files=("$dir"/*.cmd)
fi

passed=0 failed=0
for cmd in "${files[@]}"; do
	name=$(basename "$cmd" .cmd)
	out=${cmd%.cmd}.out
	if [[ ! -f $cmd ]]; then
		echo "FAIL $name: no such transcript $cmd"
		failed=$((failed + 1))
		continue
	fi
	actual=$(run_one "$cmd"; echo x)
	actual=${actual%x}
	if [[ ${UPDATE:-} == 1 ]]; then
		printf '%s' "$actual" >"$out"
		echo "updated $name"
		passed=$((passed + 1))
	elif [[ -f $out ]] && diff -u --label "$name.out" --label "$name (actual)" \
		"$out" <(printf '%s' "$actual"); then
		echo "ok   $name"
		passed=$((passed + 1))
	else
		[[ -f $out ]] || echo "FAIL $name: no $name.out (UPDATE=1 $0 $name)"
		echo "FAIL $name"
		failed=$((failed + 1))
	fi
done

echo "transcripts: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
