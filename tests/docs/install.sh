#!/usr/bin/env bash
# make install and make uninstall, into temporary directories:
#   1. DESTDIR staging with PREFIX=/usr/local (the tree's build): every
#      file lands where it belongs, nothing else does, and make uninstall
#      takes it all away again;
#   2. a real PREFIX (a build of its own in a temporary BUILD, since the
#      data directory is compiled in): the installed program, run from
#      an empty directory, finds a walkthrough by name (one that needs its
#      lib/ and machines/ too), lists and loads an installed theme (in
#      tmux, when there is tmux), its man page names where its files are,
#      and the installed completion offers the installed walkthroughs.
#
#   MAKE=make BUILD=build BINDIR=. tests/docs/install.sh
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
make=${MAKE:-make}
build=${BUILD:-build}
bindir=${BINDIR:-.}
fail=0
bad() { echo "FAIL install: $*"; fail=1; }

T=$(mktemp -d)
tmux_sock=$T/tmux.sock
cleanup() {
	tmux -S "$tmux_sock" kill-server 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT

# ---- 1. staged ----------------------------------------------------------------
stage=$T/stage
if ! "$make" -s -C "$root" install DESTDIR="$stage" PREFIX=/usr/local \
	BUILD="$build" BINDIR="$bindir" >"$T/log" 2>&1; then
	cat "$T/log"
	bad "make install DESTDIR=... failed"
fi
want=$(
	cd "$root" || exit 1
	echo usr/local/bin/mmscope
	echo usr/local/share/man/man1/mmscope.1
	echo usr/local/share/bash-completion/completions/mmscope
	for f in scripts/*.lua scripts/lib/*.lua scripts/machines/*.machine themes/*.theme; do
		echo "usr/local/share/mmscope/$f"
	done
)
got=$(cd "$stage" 2>/dev/null && find . -type f | sed 's|^\./||')
diff <(sort <<<"$want") <(sort <<<"$got") >"$T/diff" ||
	{ cat "$T/diff"; bad "make install put other files than these (< wanted, > got)"; }
[[ -x $stage/usr/local/bin/mmscope ]] || bad "the installed mmscope is not executable"
cmp -s "$root/$build/mmscope.1" "$stage/usr/local/share/man/man1/mmscope.1" 2>/dev/null ||
	cmp -s "$build/mmscope.1" "$stage/usr/local/share/man/man1/mmscope.1" ||
	bad "the installed man page is not build/mmscope.1"
"$make" -s -C "$root" uninstall DESTDIR="$stage" PREFIX=/usr/local \
	BUILD="$build" BINDIR="$bindir" >"$T/log" 2>&1 || { cat "$T/log"; bad "make uninstall failed"; }
left=$(find "$stage" -type f)
[[ -z $left ]] || bad "make uninstall left: $left"

# ---- 2. a real prefix, the program run from elsewhere -------------------------------
prefix=$T/prefix
if ! "$make" -s -C "$root" install PREFIX="$prefix" DESTDIR= BUILD="$T/build" \
	BINDIR="$T/build" >"$T/log" 2>&1; then
	tail -20 "$T/log"
	bad "make install PREFIX=$prefix failed"
	exit 1
fi
mkdir -p "$T/elsewhere" "$T/home"
cd "$T/elsewhere" || exit 1
export HOME=$T/home XDG_CONFIG_HOME=$T/home/config XDG_STATE_HOME=$T/home/state MMSCOPE_DATADIR=
bin=$prefix/bin/mmscope

out=$("$bin" --batch 01-buddy.lua 2>&1) || bad "--batch 01-buddy.lua from another directory failed: $(tail -3 <<<"$out")"
grep -q '^| Buddy split' <<<"$out" || bad "01-buddy.lua did not narrate"
# lib/walk.lua and machines/frag.machine come from the installed scripts too
out=$("$bin" --batch 04-fragmentation.lua 2>&1) || bad "--batch 04-fragmentation.lua failed: $(tail -3 <<<"$out")"
out=$("$bin" -e scripts 2>&1)
grep -qF "$prefix/share/mmscope/scripts/:" <<<"$out" || bad "'scripts' does not list the installed directory: $out"
themes=$("$bin" --list themes)
for t in high-contrast dark light; do
	grep -qx "$t" <<<"$themes" || bad "the installed theme '$t' is not found (--list themes: $(tr '\n' ' ' <<<"$themes"))"
done
grep -q "$(sed 's/-/\\\\-/g' <<<"$prefix")/share/mmscope" "$prefix/share/man/man1/mmscope.1" ||
	bad "the installed man page does not name $prefix/share/mmscope"

# the installed completion, asking the installed program
# shellcheck disable=SC1091
source "$prefix/share/bash-completion/completions/mmscope" || bad "cannot source the installed completion"
COMP_WORDS=("$bin" --batch 0) COMP_CWORD=2 COMPREPLY=()
_mmscope
[[ " ${COMPREPLY[*]} " == *" 04-fragmentation.lua "* ]] ||
	bad "the installed completion offers '${COMPREPLY[*]}' after --batch 0"

# the theme loads in the screen: `theme` marks the current one
if command -v tmux >/dev/null; then
	tm() { tmux -S "$tmux_sock" -f /dev/null "$@"; }
	tm new-session -d -x 100 -y 30 "$bin --machine tiny --theme high-contrast" 2>/dev/null
	seen=
	for _ in $(seq 1 100); do
		sleep 0.2
		screen=$(tm capture-pane -p 2>/dev/null) || break
		if [[ $screen == *mmscope\>* && -z $seen ]]; then
			tm send-keys 'theme' Enter
			seen=typed
		fi
		[[ $screen == *"* high-contrast"* ]] && { seen=ok; break; }
	done
	[[ $seen == ok ]] || bad "the screen did not load the installed theme high-contrast: $screen"
	tm kill-server 2>/dev/null
else
	echo "skip install: tmux is not installed, the theme is not loaded in the screen"
fi

cd "$root" || exit 1
"$make" -s -C "$root" uninstall PREFIX="$prefix" DESTDIR= BUILD="$T/build" BINDIR="$T/build" \
	>"$T/log" 2>&1 || bad "make uninstall PREFIX=$prefix failed"
left=$(find "$prefix" -type f)
[[ -z $left ]] || bad "make uninstall left: $left"

[[ $fail == 0 ]] && echo "ok   make install and uninstall (DESTDIR staging, and PREFIX run from elsewhere)"
exit $fail
