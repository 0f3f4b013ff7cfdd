#!/usr/bin/env bash
# make bench: what one fast-path operation costs, in instructions and in
# nanoseconds, and how that compares with the targets of issue 12.
#
#   tests/bench/run.sh          every row (make bench builds first)
#   BENCH=... MMSCOPE=...       other binaries; BENCH_DIR: where the
#                               callgrind files and generated inputs go
#
# Each row runs twice under callgrind, with N and with 2N operations;
# instructions per op = (Ir(2N) - Ir(N)) / N, so whatever a run does once
# (valgrind starting, the machine booting, a script being compiled, the
# live handles being made) cancels out.  Nanoseconds come from plain runs,
# the fastest of several, since other jobs share the machine:
#   - build/tests/bench/bench MODE 2N times its loop itself (best of 5);
#   - a row through ./mmscope can only be timed as a whole process, so
#     there it is (t(20N) - t(10N)) / 10N: longer runs, as start-up would
#     drown the difference of short ones (best of 3 each).
# Nothing here passes or fails on a figure: a row that misses its target
# says "no" and the script still exits 0.  Only a run that goes wrong
# (a crash, a batch command refused) makes it fail.
set -euo pipefail

dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$dir/../.." && pwd)
cd "$root"
bench=${BENCH:-build/tests/bench/bench}
mmscope=${MMSCOPE:-./mmscope}
out=${BENCH_DIR:-build/bench}
machine=x86_64-4g

for prog in "$bench" "$mmscope"; do
	if [[ ! -x $prog ]]; then
		echo "run.sh: $prog is not built (make bench builds it)" >&2
		exit 2
	fi
done
if ! command -v valgrind >/dev/null; then
	echo "run.sh: valgrind is missing (make deps installs it)" >&2
	exit 2
fi
mkdir -p "$out"
rm -f "$out"/*.cg "$out"/*.log "$out"/*.stdout

# ir NAME CMD...: run CMD under callgrind, print its total instructions
ir() {
	local name=$1 cg=$out/$1.cg
	shift
	if ! valgrind --tool=callgrind --callgrind-out-file="$cg" \
		--log-file="$out/$name.log" "$@" >"$out/$name.stdout" 2>&1; then
		echo "run.sh: under callgrind, failed: $*" >&2
		cat "$out/$name.log" "$out/$name.stdout" >&2
		exit 1
	fi
	# the totals: line (older callgrinds write only summary:)
	awk '/^totals:/ { t = $2 } /^summary:/ { s = $2 }
	     END { print (t != "" ? t : s) }' "$cg"
}

# per_op IR_N IR_2N N: instructions of one operation
per_op() {
	awk -v a="$1" -v b="$2" -v n="$3" 'BEGIN { printf "%.0f", (b - a) / n }'
}

# wall CMD...: nanoseconds of the fastest of three runs of the process
wall() {
	local best=0 t0 t i

	for i in 1 2 3; do
		t0=$(date +%s%N)
		"$@" >/dev/null 2>&1 || { echo "run.sh: failed: $*" >&2; exit 1; }
		t=$(($(date +%s%N) - t0))
		if ((best == 0 || t < best)); then best=$t; fi
	done
	echo "$best"
}

# rows of the table: name, N, instructions per op, ns per op
names=() counts=() instr=() nsop=()
add_row() {
	names+=("$1") counts+=("$2") instr+=("$3") nsop+=("$4")
	printf '  %-22s N=%-6s %12s instr/op %12s ns/op\n' "$1" "$2" "$3" "$4" >&2
}

# ---- bench MODE N: the loops on their own ---------------------------------------

bench_row() {
	local mode=$1 n=$2 a b best=0 t i

	a=$(ir "$mode.$n" "$bench" "$mode" "$n")
	b=$(ir "$mode.$((2 * n))" "$bench" "$mode" "$((2 * n))")
	for i in 1 2 3 4 5; do
		# "MODE N NS ns/op": the loop's own time
		t=$("$bench" "$mode" "$((2 * n))" | awk '{ print $3 }')
		if [[ $best == 0 ]] || awk -v t="$t" -v b="$best" 'BEGIN { exit !(t < b) }'; then
			best=$t
		fi
	done
	add_row "$mode" "$n" "$(per_op "$a" "$b" "$n")" "$(printf '%.1f' "$best")"
}

echo "make bench: callgrind, N and 2N per row (rows as they finish):" >&2
bench_row order0 20000
bench_row observed 2000
bench_row cache 20000
bench_row kmalloc 20000
bench_row order3 20000
bench_row boot64g 1
bench_row frame 20
bench_row frame4g 20

# ---- through the program ---------------------------------------------------------

# program_row NAME N MAKE_CMD [ARG...]: `MAKE_CMD K ARG...` puts into cmd the process
# that does K operations.  Callgrind runs it with N and 2N; the timed runs
# use 10N and 20N, since a process's start (booting, compiling a script,
# making live handles) would drown the difference of short runs
program_row() {
	local name=$1 n=$2 make_cmd=$3 tag=${1//[^A-Za-z0-9]/_} a b t1 t2
	shift 3
	"$make_cmd" "$n" "$@"
	a=$(ir "$tag.$n" "${cmd[@]}")
	"$make_cmd" $((2 * n)) "$@"
	b=$(ir "$tag.$((2 * n))" "${cmd[@]}")
	"$make_cmd" $((10 * n)) "$@"
	t1=$(wall "${cmd[@]}")
	"$make_cmd" $((20 * n)) "$@"
	t2=$(wall "${cmd[@]}")
	add_row "$name" "$n" "$(per_op "$a" "$b" "$n")" \
		"$(awk -v a="$t1" -v b="$t2" -v n="$((10 * n))" 'BEGIN { printf "%.1f", (b - a) / n }')"
}

# A batch file of K command pairs.  The free must name the pfn, and on an
# idle machine an order-0 page freed to the pcp list goes to its hot head,
# where the next order-0 allocation takes it again: every pair gets the
# pfn the first allocation reports.  check_batch makes sure it did.
first_pfn=$("$mmscope" --machine "$machine" -e 'alloc_pages GFP_KERNEL 0' |
	awk '$1 == "pfn" { print $2; exit }')
if [[ -z $first_pfn ]]; then
	echo "run.sh: alloc_pages GFP_KERNEL 0 printed no pfn" >&2
	exit 1
fi
batch_cmd() {
	local file=$out/pairs.$1.cmd

	[[ -f $file ]] || awk -v n="$1" -v pfn="$first_pfn" 'BEGIN {
		for (i = 0; i < n; i++)
			printf "alloc_pages GFP_KERNEL 0\nfree_pages %s 0\n", pfn }' >"$file"
	cmd=("$mmscope" --machine "$machine" --batch "$file")
}
check_batch() {
	local got

	batch_cmd "$1"
	# without --keep-going a refused free would stop the run with status 1
	got=$("${cmd[@]}" | awk -v pfn="$first_pfn" '
		$1 == "pfn" && $2 == pfn { n++ } END { print n + 0 }')
	if [[ $got != "$1" ]]; then
		echo "run.sh: $1 batch pairs gave $got allocations of $first_pfn" >&2
		exit 1
	fi
}
rm -f "$out"/pairs.*.cmd
check_batch 5000
program_row "batch pair" 5000 batch_cmd

# mm.alloc_pages + page:free(), K times, with LIVE handles held: lua_cmd K LIVE
lua_cmd() {
	cmd=("$mmscope" --machine "$machine" --batch tests/bench/pair.lua "$1" "$2")
}
program_row "Lua pair" 5000 lua_cmd 0
program_row "Lua pair, 1000 live" 2000 lua_cmd 1000
program_row "Lua pair, 10000 live" 500 lua_cmd 10000

# ---- the table -------------------------------------------------------------------

# instr_of NAME: the instructions per op of a row
instr_of() {
	local i
	for i in "${!names[@]}"; do
		if [[ ${names[$i]} == "$1" ]]; then echo "${instr[$i]}"; fi
	done
}
order0=$(instr_of order0)
frame4g=$(instr_of frame4g)

# target NAME INSTR: "target<TAB>met" (empty when the row has no target)
target() {
	local limit="" text=""
	case $1 in
	order0) limit=200 text="<= 200" ;;
	observed) limit=$((3 * order0)) text="<= 3x order0 ($limit)" ;;
	cache) limit=150 text="<= 150" ;;
	"batch pair") limit=2000 text="<= 2,000" ;;
	"Lua pair"*) limit=4000 text="<= 4,000" ;;
	frame)
		# "not growing with memory size": within 10% of the 4 GiB frame
		limit=$((frame4g + frame4g / 10)) text="~ frame4g (<= $limit)" ;;
	esac
	if [[ -z $limit ]]; then
		printf -- '-\t\n'
	elif (($2 <= limit)); then
		printf '%s\tyes\n' "$text"
	else
		printf '%s\tno\n' "$text"
	fi
}

echo
printf '%-22s | %7s | %14s | %14s | %-24s | %s\n' \
	what N "instr per op" "ns per op" target met
printf -- '-%.0s' {1..100}
echo
for i in "${!names[@]}"; do
	IFS=$'\t' read -r t m < <(target "${names[$i]}" "${instr[$i]}")
	printf '%-22s | %7s | %14s | %14s | %-24s | %s\n' "${names[$i]}" "${counts[$i]}" \
		"${instr[$i]}" "${nsop[$i]}" "$t" "$m"
done
echo
echo "instr: callgrind's Ir, (Ir(2N) - Ir(N)) / N.  ns: plain runs; the bench rows"
echo "time their loop alone (2N loops, fastest of 5), the program rows whole"
echo "processes, (t(20N) - t(10N)) / 10N (fastest of 3 each)."
echo "callgrind files and inputs: $out/"
