#!/bin/sh
# screenshots/make.sh - regenerate screenshots/ (run by `make screenshots`).
#
# Each scenario starts mmscope in a detached tmux session of a fixed size
# (a real terminal), types its commands, and has the program write its own
# screen with `screenshot NAME.txt` and `screenshot NAME.svg`.  The SVGs
# become PNGs where a converter is installed (rsvg-convert from
# librsvg2-bin, or ImageMagick's convert); without one the PNGs are left
# as they were.
#
#   MMSCOPE=./mmscope screenshots/make.sh [SCENARIO...]
set -u

MMSCOPE=${MMSCOPE:-./mmscope}
# run from the top of the tree: the screenshot commands name screenshots/
cd "$(dirname "$0")/.." || exit 1
OUT=$(pwd)/screenshots
SOCK=mmscope-shots-$$
T="tmux -u -L $SOCK -f /dev/null"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/mmscope-shots.XXXXXX") || exit 1
TIMEOUT=15
failed=0

trap '$T kill-server 2>/dev/null; rm -rf "$WORK"' EXIT INT TERM

command -v tmux >/dev/null 2>&1 || { echo "screenshots: tmux is needed" >&2; exit 1; }
case $MMSCOPE in /*) ;; *) MMSCOPE=$(pwd)/$MMSCOPE ;; esac
[ -x "$MMSCOPE" ] || { echo "screenshots: $MMSCOPE is not built" >&2; exit 1; }

screen() { $T capture-pane -p -t mm 2>/dev/null; }

wait_for() {
	i=0
	while [ $i -lt $((TIMEOUT * 10)) ]; do
		screen | grep -qF -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	echo "screenshots: '$1' never appeared" >&2
	screen | sed 's/^/    |/' >&2
	return 1
}

start() { # W H [ARGS]
	w=$1 h=$2
	shift 2
	$T kill-server 2>/dev/null
	mkdir -p "$WORK/state" "$WORK/config"
	$T new-session -d -s mm -x "$w" -y "$h" \
		"cd '$(pwd)' && env XDG_STATE_HOME='$WORK/state' \
		 XDG_CONFIG_HOME='$WORK/config' LANG=C.UTF-8 LC_ALL=C.UTF-8 '$MMSCOPE' $*; sleep 600"
	wait_for "mmscope>"
}

type_line() {
	$T send-keys -t mm -l -- "$1"
	$T send-keys -t mm Enter
}

keys() { $T send-keys -t mm "$@"; }

# shoot NAME: the program writes NAME.txt and NAME.svg; wait for both
shoot() {
	rm -f "$OUT/$1.txt" "$OUT/$1.svg"
	# one line: while a script waits, ':' opens the command line for one
	type_line "screenshot screenshots/$1.svg; screenshot screenshots/$1.txt"
	i=0
	while [ ! -s "$OUT/$1.txt" ] && [ $i -lt $((TIMEOUT * 10)) ]; do
		sleep 0.1
		i=$((i + 1))
	done
	if [ -s "$OUT/$1.txt" ] && [ -s "$OUT/$1.svg" ]; then
		echo "  $1.txt $1.svg"
	else
		echo "screenshots: $1 was not written" >&2
		screen | sed 's/^/    |/' >&2
		failed=1
	fi
}

# ---- the scenarios ------------------------------------------------------

# an order-5 request splits an order-6 block: the changed free_area cells lit
buddy_split() {
	start 120 36 --machine tiny || return 1
	type_line "alloc_pages GFP_KERNEL 5"
	wait_for "order 5 zone Normal" || return 1
	shoot buddy-split
}

# tasks, page cache and unmovable kernel pages scattered over the zone
fragmented() {
	start 120 36 --machine tiny --layout memmap || return 1
	type_line "task spawn editor 3000; pagecache add 2500; task spawn db 4000"
	type_line "kmem_cache_create dentry 192 SLAB_RECLAIM_ACCOUNT"
	type_line "task exit 1; pagecache drop"
	type_line "alloc_pages GFP_KERNEL 0; alloc_pages GFP_KERNEL 2; alloc_pages GFP_NOFS 1"
	# one cell per page, the cursor at the zone's end where the kernel's
	# pages went
	type_line "focus memmap"
	sleep 0.3
	keys +
	keys End
	sleep 2 # let the highlight fade
	keys : # back to the command line
	shoot fragmented-memmap
}

# walkthrough 5 stopped inside the slow path: its call stack on screen
slowpath_step() {
	start 120 40 scripts/05-slowpath-oom.lua || return 1
	i=0
	# go on through the walkthrough's pauses until direct compaction
	while [ $i -lt 30 ] && ! screen | grep -q '__alloc_pages_direct_compact(order'; do
		keys Space
		sleep 0.4
		i=$((i + 1))
	done
	screen | grep -q '__alloc_pages_direct_compact(order' || return 1
	sleep 2
	keys : # a command while the script waits
	sleep 0.3
	shoot slowpath-step
}

# one cache opened in the slab panel: its slabs, colours and arrays
slab_detail() {
	start 120 36 --machine tiny --layout slab || return 1
	type_line "kmem_cache_create demo 200 SLAB_HWCACHE_ALIGN"
	type_line "kmem_cache_alloc demo; kmem_cache_alloc demo; kmem_cache_alloc demo"
	type_line "focus slab"
	sleep 0.5
	# the newest cache sorts by active objects; find it by stepping down
	i=0
	while [ $i -lt 60 ] && ! screen | grep -q '▸ *demo'; do
		keys Down
		sleep 0.05
		i=$((i + 1))
	done
	keys Enter
	wait_for "slabs_partial" || return 1
	keys : # back to the command line, the detail stays open
	sleep 0.3
	shoot slab-detail
}

# the projector theme on the default layout
high_contrast() {
	start 120 36 --theme high-contrast || return 1
	type_line "alloc_pages GFP_KERNEL 3; alloc_pages -c 1 GFP_HIGHUSER_MOVABLE 0"
	wait_for "migratetype Movable" || return 1
	sleep 2
	shoot high-contrast
}

# a wide terminal: every panel at once
wide() {
	start 200 60 --machine tiny || return 1
	type_line "task spawn editor 3000; pagecache add 2000; kmalloc 100; alloc_pages GFP_KERNEL 4"
	wait_for "order 4" || return 1
	sleep 2
	shoot wide
}

all="buddy_split fragmented slowpath_step slab_detail high_contrast wide"
for s in ${*:-$all}; do
	echo "== $s"
	$s || failed=1
done
$T kill-server 2>/dev/null

# ---- PNGs where a converter exists ---------------------------------------
conv=""
if command -v rsvg-convert >/dev/null 2>&1; then
	conv=rsvg
elif command -v convert >/dev/null 2>&1; then
	conv=magick
fi
for svg in "$OUT"/*.svg; do
	[ -f "$svg" ] || continue
	png=${svg%.svg}.png
	case $conv in
	rsvg) rsvg-convert -o "$png" "$svg" ;;
	magick) convert "$svg" "$png" ;;
	*) ;;
	esac
done
[ -n "$conv" ] || echo "screenshots: no SVG converter (apt-get install librsvg2-bin): PNGs not made"
exit $failed
