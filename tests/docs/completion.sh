#!/usr/bin/env bash
# The bash completion (scripts/completion/mmscope.bash): source it, set
# COMP_WORDS and COMP_CWORD as bash would, call _mmscope and compare
# COMPREPLY with what it must offer.  The lists come from the program
# under test (COMP_WORDS[0]), so this also checks that it answers.
#
#   MMSCOPE=./mmscope tests/docs/completion.sh
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
mmscope=${MMSCOPE:-./mmscope}
case $mmscope in /*) ;; *) mmscope=$root/$mmscope ;; esac
fail=0 n=0

# shellcheck source=../../scripts/completion/mmscope.bash
source "$root/scripts/completion/mmscope.bash" || { echo "FAIL completion: cannot source it"; exit 1; }
complete -p mmscope >/dev/null 2>&1 || { echo "FAIL completion: 'complete -F _mmscope mmscope' missing"; fail=1; }

# from an empty directory, so files do not mix in (but for the file case)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
# the tree is the data directory, wherever the binary under test lives
# (make asan builds it in build-asan/)
export XDG_CONFIG_HOME=$work/config MMSCOPE_DATADIR=$root

# expect 'WORDS...' 'WANTED...': complete the last word of WORDS (the
# program first); COMPREPLY, sorted, must be exactly WANTED
expect() {
	local got want
	read -r -a COMP_WORDS <<<"$mmscope $1"
	[[ $1 == *' ' ]] && COMP_WORDS+=("")
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	COMPREPLY=()
	_mmscope mmscope "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
	got=$(printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' ')
	want=$(printf '%s\n' $2 | sort | tr '\n' ' ')
	n=$((n + 1))
	if [[ $got != "$want" ]]; then
		echo "FAIL completion: 'mmscope $1' offers '$got', not '$want'"
		fail=1
	fi
}

expect '--machine t' 'tiny'
expect '--machine x86' 'x86_64-4g x86_64-64g'
expect '--machine = i' 'i386-1g'            # --machine=i, as bash splits it
expect '--theme h' 'high-contrast'
expect '--theme =' 'dark default high-contrast light mono'
expect '--layout w' 'wide'
expect '--batch 01' '01-buddy.lua'
expect '--batch 05-s' '05-slowpath-oom.lua'
expect '--list w' 'walkthroughs'
expect '--ma' '--machine --man'
expect '--no' '--no-screen'
expect '--machine tiny --th' '--theme'
expect '-e ' ''
expect '0' '01-buddy.lua 02-pcp.lua 03-watermarks.lua 04-fragmentation.lua 05-slowpath-oom.lua 06-slab.lua 07-kmalloc.lua'
expect '01-buddy.lua ' ''                   # the script's own arguments
# files where a file may go: a machine file, a theme file, a directory
mkdir -p sub && touch my.machine sub/x.lua my.theme
expect '--machine m' 'my.machine my.theme'
expect '--theme m' 'mono my.theme'
expect '--batch s' 'sub/'
# every option the program has is offered after '-'
opts=$("$mmscope" --list options | tr '\n' ' ')
expect '-' "$opts"

[[ $fail == 0 ]] && echo "ok   bash completion ($n cases)"
exit $fail
