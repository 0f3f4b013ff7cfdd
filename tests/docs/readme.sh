#!/usr/bin/env bash
# Every example of the README runs, and sessions print what the README
# shows.  An example is the indented block after a marker line:
#
#   <!-- example: session [OPTIONS] -->   lines "mmscope> CMD" are typed,
#       the other lines are what the program must print, exactly (stdout
#       and stderr in order; trailing blanks aside).  A first line "$ ./mmscope OPTIONS" gives
#       the options too (--no-screen dropped: the commands run as
#       --batch -, which prints the same).
#   <!-- example: lua [OPTIONS] -->       a Lua script: runs headless
#       (--batch FILE.lua) and must succeed (its asserts hold).
#   <!-- example: machine -->             a machine file: must boot.
#
# A marker without a block, or a block of the wrong kind, fails too.
#
#   MMSCOPE=./mmscope tests/docs/readme.sh [README.md]
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
mmscope=${MMSCOPE:-./mmscope}
case $mmscope in /*) ;; *) mmscope=$root/$mmscope ;; esac
readme=${1:-$root/README.md}
cd "$root" || exit 1
fail=0 n=0
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export XDG_CONFIG_HOME=$T/config XDG_STATE_HOME=$T/state MMSCOPE_DATADIR=

# the examples, one file each: $T/NNN.kind holds "line|opts" then the block
awk -v dir="$T" '
	function flush() { if (file != "") close(file); file = "" }
	/^<!-- example: [a-z]+.* -->$/ {
		flush()
		spec = $0; sub(/^<!-- example: /, "", spec); sub(/ -->$/, "", spec)
		kind = spec; sub(/ .*/, "", kind)
		opts = spec; if (opts == kind) opts = ""; else sub(/^[a-z]+ /, "", opts)
		file = sprintf("%s/%03d.%s", dir, ++n, kind)
		printf "%d|%s\n", NR, opts > file
		inblock = 0; blanks = 0; next
	}
	file != "" && /^    / {
		for (; blanks > 0; blanks--) print "" > file
		inblock = 1; print substr($0, 5) > file; next
	}
	file != "" && /^$/ { if (inblock) blanks++; next }
	file != "" { flush() }
' "$readme"

for f in "$T"/*.*; do
	[[ -e $f ]] || { echo "FAIL readme: no <!-- example: --> markers in $readme"; exit 1; }
	kind=${f##*.}
	IFS='|' read -r line opts <"$f"
	body=$(sed 1d "$f")
	where="${readme##*/}:$line ($kind)"
	n=$((n + 1))
	if [[ -z $body ]]; then
		echo "FAIL readme: $where: no indented block after the marker"
		fail=1
		continue
	fi
	read -r -a args <<<"$opts"
	case $kind in
	session)
		first=$(head -1 <<<"$body")
		if [[ $first == '$ ./mmscope'* || $first == '$ mmscope'* ]]; then
			read -r -a more <<<"${first#\$ *mmscope}"
			for a in "${more[@]}"; do [[ $a == --no-screen ]] || args+=("$a"); done
			body=$(sed 1d <<<"$body")
		fi
		grep -q '^mmscope> ' <<<"$body" || { echo "FAIL readme: $where: no 'mmscope> ' lines"; fail=1; continue; }
		sed -n 's/^mmscope> //p' <<<"$body" >"$T/cmds"
		# trailing blanks do not count (the kernel's /proc text has them,
		# Markdown does not keep them)
		got=$("$mmscope" "${args[@]}" --keep-going --echo --batch - <"$T/cmds" 2>&1 |
			sed -e 's/^> /mmscope> /' -e 's/[[:blank:]]*$//')
		body=$(sed 's/[[:blank:]]*$//' <<<"$body")
		if [[ $got != "$body" ]]; then
			echo "FAIL readme: $where: the program prints otherwise (- README, + program):"
			diff -u <(echo "$body") <(echo "$got") | sed 1,2d
			fail=1
		fi
		;;
	lua)
		echo "$body" >"$T/example.lua"
		if ! out=$("$mmscope" "${args[@]}" --batch "$T/example.lua" 2>&1); then
			echo "FAIL readme: $where: the script fails:"
			echo "$out" | tail -5
			fail=1
		fi
		;;
	machine)
		echo "$body" >"$T/example.machine"
		if ! out=$("$mmscope" --machine "$T/example.machine" -e machine 2>&1); then
			echo "FAIL readme: $where: the machine does not boot: $out"
			fail=1
		fi
		;;
	*)
		echo "FAIL readme: $where: unknown kind of example '$kind'"
		fail=1
		;;
	esac
done
[[ $fail == 0 ]] && echo "ok   README examples ($n run)"
exit $fail
