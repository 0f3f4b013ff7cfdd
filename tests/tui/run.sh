#!/bin/sh
# tests/tui/run.sh - the screen in a real terminal: each test starts
# mmscope in a detached tmux session of a fixed size, types keys with
# send-keys and reads the screen with capture-pane, comparing it with a
# golden screen (tests/tui/NAME.screen) or looking for a string.
#
#   MMSCOPE=./mmscope tests/tui/run.sh [TEST...]
#   UPDATE=1 tests/tui/run.sh       rewrite the golden screens (check them!)
#
# Screens are waited for, never slept for: every check polls capture-pane
# until what it expects is there and the screen stopped changing, or a
# timeout (TUI_TIMEOUT seconds, default 10) passes.  Without tmux the tests
# are skipped, except under CI (CI=true), where that is a failure.
#
# Every tmux call goes to the test's own server: each start() makes a new
# socket (-S) in this run's private directory, so no test ever talks to a
# server another test (or another run, or the user's tmux) is killing.
set -u
unset TMUX TMUX_PANE # the tests' servers are not the user's

MMSCOPE=${MMSCOPE:-./mmscope}
HERE=$(cd "$(dirname "$0")" && pwd)
TIMEOUT=${TUI_TIMEOUT:-10}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/mmscope-tui.XXXXXX") || exit 1
nsock=0
T="tmux -u -S $WORK/tmux-0.sock -f /dev/null"
failed=0
passed=0
# a sanitizer build (make asan) writes its notes and reports to files here:
# on stderr they would land in the screen (the swapcontext warning does)
ASAN_LOG="${ASAN_OPTIONS:+$ASAN_OPTIONS:}log_path=$WORK/asan"
current=""

cleanup() {
	for sock in "$WORK"/tmux-*.sock; do
		[ -S "$sock" ] && tmux -S "$sock" kill-server 2>/dev/null
	done
	rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

if ! command -v tmux >/dev/null 2>&1; then
	if [ "${CI:-}" = true ]; then
		echo "tui-test: tmux is missing (needed under CI)" >&2
		exit 1
	fi
	echo "tui-test: tmux not installed: screen tests skipped"
	exit 0
fi
case $MMSCOPE in /*) ;; *) MMSCOPE=$(pwd)/$MMSCOPE ;; esac
if [ ! -x "$MMSCOPE" ]; then
	echo "tui-test: $MMSCOPE is not built" >&2
	exit 1
fi

# ---- helpers ---------------------------------------------------------------

fail() {
	echo "FAIL $current: $*"
	failed=$((failed + 1))
	current=""
}

screen() {
	$T capture-pane -p -t mm 2>/dev/null
}

# $WORK/mmscope: mmscope as the pane runs it; it leaves its pid in
# $WORK/pid (for the signal tests) and never dumps core
cat > "$WORK/mmscope" <<WRAPPER
#!/bin/sh
ulimit -c 0
echo \$\$ > '$WORK/pid'
exec '$MMSCOPE' "\$@"
WRAPPER
chmod +x "$WORK/mmscope"

# start W H [ARGS...]: mmscope in a fresh session on a fresh server; the
# pane records the terminal's settings before and after, and the exit
# status.  START_ASAN overrides ASAN_OPTIONS for this start.
start() {
	w=$1 h=$2
	shift 2
	nsock=$((nsock + 1))
	T="tmux -u -S $WORK/tmux-$nsock.sock -f /dev/null"
	mkdir -p "$WORK/state" "$WORK/config"
	rm -f "$WORK/before" "$WORK/after" "$WORK/pid"
	# the tests' own environment: no user history, init.lua or themes
	$T new-session -d -s mm -x "$w" -y "$h" \
		"cd '$(pwd)' && stty -a > '$WORK/before' && \
		 env XDG_STATE_HOME='$WORK/state' XDG_CONFIG_HOME='$WORK/config' \
		     ASAN_OPTIONS='${START_ASAN:-$ASAN_LOG}' \
		     LANG=C.UTF-8 LC_ALL=C.UTF-8 NO_COLOR= \
		     '$WORK/mmscope' $* ; echo \"EXITED rc=\$?\"; \
		 stty -a > '$WORK/after'; exec sleep 600" || {
		fail "tmux could not start"
		return 1
	}
	wait_for "mmscope>"
}

# wait_for TEXT: until the screen shows TEXT (a fixed string, any case:
# panel titles may change case) and holds still
wait_for() {
	i=0
	last=""
	while [ $i -lt $((TIMEOUT * 10)) ]; do
		now=$(screen)
		if printf '%s\n' "$now" | grep -qiF -- "$1" && [ "$now" = "$last" ]; then
			return 0
		fi
		last=$now
		sleep 0.1
		i=$((i + 1))
	done
	[ -n "$current" ] && fail "no '$1' on the screen after ${TIMEOUT}s:" &&
		printf '%s\n' "$last" | sed 's/^/    |/'
	return 1
}

# wait_gone TEXT: until TEXT has left the screen
wait_gone() {
	i=0
	while [ $i -lt $((TIMEOUT * 10)) ]; do
		screen | grep -qF -- "$1" || { wait_for ""; return 0; }
		sleep 0.1
		i=$((i + 1))
	done
	[ -n "$current" ] && fail "'$1' still on the screen after ${TIMEOUT}s"
	return 1
}

type_line() {
	$T send-keys -t mm -l -- "$1"
	$T send-keys -t mm Enter
}

keys() {
	$T send-keys -t mm "$@"
}

# settle: until the screen has not changed for 2 seconds (longer than the
# 1.5 s a changed free_area cell stays highlighted)
settle() {
	i=0
	still=0
	last=$(screen)
	while [ $i -lt $((TIMEOUT * 10)) ] && [ $still -lt 20 ]; do
		sleep 0.1
		now=$(screen)
		if [ "$now" = "$last" ]; then
			still=$((still + 1))
		else
			still=0
		fi
		last=$now
		i=$((i + 1))
	done
}

# expect_screen NAME: the screen as tests/tui/NAME.screen has it, once it
# settled
expect_screen() {
	[ -n "$current" ] || return 1
	golden=$HERE/$1.screen
	settle
	screen > "$WORK/$1.actual"
	if [ "${UPDATE:-}" = 1 ]; then
		cp "$WORK/$1.actual" "$golden"
		echo "  updated $golden"
		return 0
	fi
	if [ ! -f "$golden" ]; then
		fail "no golden screen $golden (UPDATE=1 writes it)"
		return 1
	fi
	if ! diff -u "$golden" "$WORK/$1.actual" > "$WORK/$1.diff"; then
		fail "screen differs from $1.screen:"
		sed 's/^/    /' "$WORK/$1.diff"
		return 1
	fi
}

# expect TEXT: the screen shows TEXT now (after it settled)
expect() {
	[ -n "$current" ] || return 1
	wait_for "$1"
}

expect_not() {
	[ -n "$current" ] || return 1
	if screen | grep -qF -- "$1"; then
		fail "'$1' should not be on the screen"
		return 1
	fi
}

# terminal_restored RC: mmscope ended with exit status RC and the shell
# got the terminal back as it was before (stty -a the same)
terminal_restored() {
	wait_for "EXITED rc=$1" || return 1
	i=0
	while [ ! -s "$WORK/after" ] && [ $i -lt $((TIMEOUT * 10)) ]; do
		sleep 0.1
		i=$((i + 1))
	done
	if ! cmp -s "$WORK/before" "$WORK/after"; then
		fail "terminal settings changed:"
		diff "$WORK/before" "$WORK/after" | sed 's/^/    /'
		return 1
	fi
}

# quit_and_check: leave with `quit`; the shell gets the terminal back as
# it was before
quit_and_check() {
	[ -n "$current" ] || return 1
	type_line quit
	terminal_restored 0
}

# mmscope's pid, once the pane's wrapper wrote it
mm_pid() {
	i=0
	while [ ! -s "$WORK/pid" ] && [ $i -lt $((TIMEOUT * 10)) ]; do
		sleep 0.1
		i=$((i + 1))
	done
	cat "$WORK/pid" 2>/dev/null
}

begin() {
	current=$1
}

end() {
	if [ -n "$current" ]; then
		echo "ok   $current"
		passed=$((passed + 1))
	fi
	current=""
	$T kill-server 2>/dev/null
}

# ---- the tests ----------------------------------------------------------------

test_start() {
	begin start-80x24
	start 80 24 &&
	expect "Linux 3.10" &&
	expect "?:help" &&
	expect "Zones" && expect "free_area" && expect "memory map" && expect "log" &&
	expect_screen start-80x24
	end
}

test_alloc() {
	begin alloc
	start 80 24 &&
	type_line "alloc_pages GFP_KERNEL 5" &&
	expect "> alloc_pages GFP_KERNEL 5" &&
	expect "pfn 0x13fc40 order 5 zone Normal" &&
	expect_screen alloc-80x24
	end
}

test_step() {
	begin step
	start 80 24 &&
	type_line "layout step" &&
	type_line "alloc_pages GFP_KERNEL 3 --step" &&
	expect "stepping" &&
	keys F6 &&
	expect "cpu0: stopped at -> get_page_from_freelist" &&
	expect "get_page_from_freelist(" &&
	expect_screen step-80x24 &&
	keys F5 &&
	expect "pfn 0x13fc40 order 3 zone Normal" &&
	expect "paused"
	end
}

test_help() {
	begin help
	start 80 24 &&
	keys F1 &&
	expect "Help" &&
	expect "F6             step into" &&
	expect_screen help-80x24 &&
	keys End &&
	expect "help [CMD]" &&
	keys Escape &&
	wait_gone "─ Help ─" &&
	keys '?' &&
	expect "─ Help ─" &&
	keys q &&
	wait_gone "─ Help ─"
	end
}

test_complete() {
	begin complete
	start 80 24 &&
	$T send-keys -t mm -l "alloc_p" && keys Tab &&
	expect "mmscope> alloc_pages" &&
	keys C-u && $T send-keys -t mm -l "kmem_cache_" && keys Tab Tab &&
	expect "kmem_cache_alloc  kmem_cache_create" &&
	keys C-u && type_line "tick 7" && expect "jiffies 7" &&
	keys C-r && $T send-keys -t mm -l "tic" &&
	expect "(reverse-i-search)\`tic': tick 7" &&
	keys Escape && expect "mmscope> tick 7" &&
	keys C-c && wait_gone "mmscope> tick 7"
	end
}

test_wide() {
	begin wide-200x60
	start 200 60 &&
	expect "per-cpu" && expect "slab" && expect "call stack" &&
	expect "narration" &&
	expect_screen wide-200x60 &&
	type_line "layout default" &&
	wait_gone "narration" &&
	type_line "layout wide" &&
	expect "narration"
	end
}

test_theme() {
	begin theme
	start 80 24 &&
	type_line "theme high-contrast" &&
	type_line "theme" &&
	expect "* high-contrast" &&
	type_line "theme no-such-theme" &&
	expect "theme: " &&
	type_line "layout nope" &&
	expect "layout: unknown layout 'nope'"
	end
}

test_resize() {
	begin resize
	start 200 60 &&
	expect "narration" &&
	$T resize-window -t mm -x 80 -y 24 &&
	wait_gone "narration" && expect "?:help" &&
	$T resize-window -t mm -x 60 -y 20 &&
	expect "mmscope needs at least 80x24 (this terminal is 60x20)" &&
	expect_screen small-60x20 &&
	$T resize-window -t mm -x 80 -y 24 &&
	wait_gone "mmscope needs" &&
	expect_screen start-80x24
	end
}

test_quit() {
	begin quit
	start 80 24 &&
	type_line "alloc_pages GFP_KERNEL 2" &&
	expect "order 2" &&
	quit_and_check
	end
	begin ctrl-d
	start 80 24 &&
	keys C-d &&
	wait_for "EXITED rc=0"
	end
}

# a walkthrough in the screen: narration, ui.pause's prompt, a key to go
# on, q to stop
test_script() {
	begin script
	cat > "$WORK/walk.lua" <<'LUA'
-- description: screen test walkthrough
ui.layout("lesson")
ui.say("Step one: an order-5 block.")
local p = mm.alloc_pages("GFP_KERNEL", 5)
ui.highlight(p.pfn, p.pfn + 31)
ui.pause("look at free_area")
ui.say(string.format("Step two: free pfn 0x%x.", p.pfn))
p:free()
ui.pause("freed")
ui.say("never reached")
LUA
	start 80 24 "$WORK/walk.lua" &&
	expect "Step one: an order-5 block." &&
	expect "▶ look at free_area" &&
	expect_screen script-80x24 &&
	keys Space &&
	expect "Step two: free pfn 0x13fc40." &&
	expect "▶ freed" &&
	keys q &&
	expect "leave the lesson? (y/n)" &&
	keys y &&
	expect "lesson left" &&
	wait_gone "▶ freed" &&
	expect_not "never reached"
	end
}

# the lesson the lesson tests walk through: three steps, each saying
# where the model stands; step 3 says whether the state is the one the
# script left at step 2
lesson_script() {
	cat > "$WORK/lesson.lua" <<'LUA'
-- description: screen test lesson
mm.exec("machine tiny")
local function free() return mm.zone("Normal").free end
ui.say(("One: %d pages free."):format(free()))
ui.pause("one")
local p = mm.alloc_pages("GFP_KERNEL", 4)
ui.highlight(p.pfn, p.pfn + 15)
local expect = free()
ui.say(("Two: order 4 at pfn 0x%x, %d pages free."):format(p.pfn, free()))
ui.pause("two")
ui.say(("Three: %d pages free, %s."):format(free(),
	free() == expect and "as step two left them" or "NOT as step two left them"))
ui.pause("three")
ui.say("The end.")
LUA
}

# forward and back: the screen after going back is the one first seen
# at that step; a number and Enter, Home, Left
test_lesson() {
	lesson_script
	begin lesson-80x24
	start 80 24 "$WORK/lesson.lua" &&
	expect "narration · step 1/3" &&
	expect "One: 15324 pages free." &&
	expect_screen lesson1-80x24 &&
	keys NPage &&
	expect "narration · step 2/3" &&
	expect_screen lesson2-80x24 &&
	keys Right &&
	expect "narration · step 3/3" &&
	expect "as step two left them" &&
	keys PPage &&
	expect "narration · step 2/3" &&
	expect_screen lesson2-80x24 &&
	keys Left &&
	expect "narration · step 1/3" &&
	expect_screen lesson1-80x24 &&
	keys 3 Enter &&
	expect "narration · step 3/3" &&
	keys Home &&
	expect "narration · step 1/3" &&
	keys Space Space Space &&
	expect "narration · end of 3 steps" &&
	expect "The end." &&
	keys PPage &&
	expect "narration · step 3/3"
	end
	begin lesson-200x60
	start 200 60 "$WORK/lesson.lua" &&
	expect "narration · step 1/3" &&
	keys NPage &&
	expect "narration · step 2/3" &&
	expect_screen lesson2-200x60 &&
	keys NPage &&
	expect "narration · step 3/3" &&
	keys PPage &&
	expect "narration · step 2/3" &&
	expect_screen lesson2-200x60
	end
}

# q, F10 and Ctrl-D ask; n stays, y leaves; Esc goes to the command line
test_lesson_quit() {
	lesson_script
	begin lesson-quit
	start 80 24 "$WORK/lesson.lua" &&
	expect "narration · step 1/3" &&
	keys q &&
	expect "leave the lesson? (y/n)" &&
	expect_screen lesson-quit-80x24 &&
	keys n &&
	wait_gone "leave the lesson?" &&
	expect "narration · step 1/3" &&
	keys F10 &&
	expect "leave the lesson? (y/n)" &&
	keys x &&
	wait_gone "leave the lesson?" &&
	keys Escape &&
	keys C-d &&
	expect "leave the lesson? (y/n)" &&
	keys n &&
	wait_gone "leave the lesson?" &&
	expect "narration · step 1/3" &&
	keys F10 &&
	expect "leave the lesson? (y/n)" &&
	keys y &&
	expect "lesson left" &&
	wait_gone "narration · step" &&
	type_line "lua print(6 * 7)" &&
	expect "42"
	end
}

# commands typed during a pause change the model; going on restores the
# state the script left (one line says so), and the script finds it
test_lesson_explore() {
	lesson_script
	begin lesson-explore
	start 80 24 "$WORK/lesson.lua" &&
	expect "narration · step 1/3" &&
	keys NPage &&
	expect "narration · step 2/3" &&
	keys Escape &&
	type_line "alloc_pages GFP_KERNEL 6" &&
	expect "> alloc_pages GFP_KERNEL 6" &&
	keys NPage &&
	expect "step 2 restored as the lesson left it" &&
	expect "narration · step 3/3" &&
	expect "as step two left them" &&
	expect_not "NOT as step two"
	end
}

# autostep: the lesson goes on by itself; any key pauses it
test_lesson_autostep() {
	lesson_script
	begin lesson-autostep
	start 80 24 "$WORK/lesson.lua" &&
	expect "narration · step 1/3" &&
	keys Escape &&
	type_line "autostep 1" &&
	expect "narration · step 2/3" &&
	expect "narration · step 3/3" &&
	keys x &&
	expect "autostep off" &&
	sleep 2 &&
	expect "narration · step 3/3" &&
	expect_not "end of 3 steps" &&
	keys Home &&
	expect "narration · step 1/3" &&
	keys a &&
	expect "autostep: a step every 5 s" &&
	keys Left &&
	expect "autostep off" &&
	expect "narration · step 1/3"
	end
}

# a `lua` block typed over several lines, with the second prompt
test_lua() {
	begin lua
	start 80 24 &&
	type_line "lua for i = 1, 3 do" &&
	expect "..>" &&
	type_line "  print(i * 111)" &&
	type_line "end" &&
	expect "333" &&
	expect "mmscope>" &&
	type_line "lua while true do end" &&
	expect "> lua while true do end" &&
	keys C-c &&
	expect "interrupted" &&
	type_line "lua print(6 * 7)" &&
	expect "42"
	end
}

# interrupt_until TEXT: Ctrl-C, then wait for TEXT; again (a Ctrl-C that
# came before the command started only cleared the line) until TIMEOUT
interrupt_until() {
	[ -n "$current" ] || return 1
	tries=0
	while [ $tries -lt "$TIMEOUT" ]; do
		keys C-c
		saved_timeout=$TIMEOUT
		TIMEOUT=1
		wait_quiet "$1"
		rc=$?
		TIMEOUT=$saved_timeout
		[ $rc -eq 0 ] && return 0
		tries=$((tries + 1))
	done
	fail "no '$1' on the screen after Ctrl-C"
	screen | tail -5 | sed 's/^/    |/'
	return 1
}

# wait_quiet TEXT: wait_for without reporting a failure
wait_quiet() {
	saved=$current
	current=""
	wait_for "$1"
	rc=$?
	current=$saved
	return $rc
}

# Ctrl-C stops a script that catches every error with pcall: in the
# screen and at the plain prompt, the prompt comes back
test_interrupt() {
	begin interrupt
	start 80 24 &&
	type_line "lua while true do pcall(function() while true do end end) end" &&
	expect "> lua while true do pcall" &&
	interrupt_until "chunk:1: interrupted" &&
	type_line "lua print(6 * 7)" &&
	expect "42" &&
	quit_and_check
	end
	begin interrupt-plain
	start 80 24 --no-screen &&
	type_line "lua while true do pcall(function() while true do end end) end" &&
	interrupt_until "chunk:1: interrupted" &&
	type_line "lua print(6 * 7)" &&
	expect "42" &&
	quit_and_check
	end
}

# Every signal that ends the program gives the terminal back as it was:
# Ctrl-\ (SIGQUIT) typed, the others sent with kill.  SIGTERM and SIGHUP
# end the loop and then the program dies of them; the rest restore the
# terminal in their handler and take the default action.  The exit
# status is the shell's 128 + signal number (Linux numbering).
signal_exits() {
	case $1 in
	QUIT) echo 131 ;; TERM) echo 143 ;; HUP) echo 129 ;; SEGV) echo 139 ;;
	ABRT) echo 134 ;; BUS) echo 135 ;; FPE) echo 136 ;; ILL) echo 132 ;;
	esac
}

test_signals() {
	# a sanitizer build must not turn these into its own reports
	START_ASAN="handle_segv=0:handle_sigbus=0:handle_abort=0:handle_sigfpe=0:handle_sigill=0:log_path=$WORK/signal-asan"
	begin sigquit
	start 80 24 &&
	type_line "alloc_pages GFP_KERNEL 2" &&
	expect "order 2" &&
	keys 'C-\' &&
	terminal_restored "$(signal_exits QUIT)"
	end
	for sig in TERM HUP SEGV ABRT BUS FPE ILL; do
		begin "sig$sig"
		start 80 24 &&
		type_line "alloc_pages GFP_KERNEL 2" &&
		expect "order 2" &&
		kill -s "$sig" "$(mm_pid)" &&
		terminal_restored "$(signal_exits "$sig")"
		end
	done
	# the plain prompt (readline's terminal mode) too
	begin plain-sigquit
	start 80 24 --no-screen &&
	keys 'C-\' &&
	terminal_restored "$(signal_exits QUIT)"
	end
	for sig in TERM SEGV; do
		begin "plain-sig$sig"
		start 80 24 --no-screen &&
		kill -s "$sig" "$(mm_pid)" &&
		terminal_restored "$(signal_exits "$sig")"
		end
	done
	START_ASAN=
}

# a paste of 100 kB into the command line (one line: a comment) is taken
# in a bounded time, not one that grows with the square of its length
# (it took 33 s when every key redrew the screen and measured the whole
# line); then the line runs and the prompt answers
PASTE_TIMEOUT=${TUI_PASTE_TIMEOUT:-20}
test_paste() {
	begin paste
	awk 'BEGIN { printf "#"; for (i = 0; i < 100000; i++) printf "a"; printf "END" }' \
		> "$WORK/paste"
	start 80 24 &&
	$T load-buffer "$WORK/paste" &&
	$T paste-buffer -t mm &&
	saved_timeout=$TIMEOUT &&
	TIMEOUT=$PASTE_TIMEOUT &&
	expect "aaaaaaaaaaaaaaaaEND"
	rc=$?
	TIMEOUT=$saved_timeout
	[ $rc -eq 0 ] &&
	keys Enter &&
	type_line "lua print(6 * 7)" &&
	expect "42" &&
	quit_and_check
	end
}

# files: a sandboxed script cannot make the screen write one (screenshot
# is refused by the command layer); trusted it can; the history is
# written private (0600)
test_files() {
	begin files
	start 200 60 &&
	type_line "lua print(select(2, mm.exec('screenshot $WORK/shot.txt')))" &&
	expect "screenshot: writing files is not allowed in the sandbox" &&
	if [ -e "$WORK/shot.txt" ]; then fail "a sandboxed script wrote $WORK/shot.txt"; fi &&
	type_line "trust on" &&
	expect "trust on (scripts have the full standard library)" &&
	type_line "lua print(mm.exec('screenshot $WORK/shot.txt'))" &&
	expect "screenshot: 200x60 written to" &&
	if ! grep -q "mmscope>" "$WORK/shot.txt"; then fail "no screenshot in $WORK/shot.txt"; fi &&
	type_line "tick 7" &&
	expect "jiffies 7" &&
	quit_and_check &&
	if ! grep -qx "tick 7" "$WORK/state/mmscope/history"; then
		fail "history not written"
	elif [ "$(stat -c %a "$WORK/state/mmscope/history")" != 600 ]; then
		fail "history is mode $(stat -c %a "$WORK/state/mmscope/history"), not 600"
	fi
	end
}

# fuzz: 400 keys and commands picked at random (fixed seed) - panels,
# layouts, themes, stepping, help, history search - then quit: the
# program must survive all of it and give the terminal back as it was
test_fuzz() {
	begin fuzz
	start 100 30 --machine tiny || { end; return; }
	awk 'BEGIN {
		srand(7)
		ns = split("F1 F2 F3 F4 F5 F6 F7 F8 F9 F12 Tab BTab Up Down Left Right PPage NPage Home End Enter Escape BSpace DC C-r C-a C-e C-k C-u C-w C-l", sp, " ")
		nw = split("alloc_pages GFP_KERNEL 3 --step|step|next|finish|continue|s|n|f|c|q|?|+|-|g|z|p|r|:|layout wide|layout slab|theme mono|kmem_cache_create x 100|kmalloc 64|free_pages 0x3c00|lua print(1)|task spawn a 100|tick 50|focus memmap|focus slab|break expand|cpu 1", w, "|")
		for (i = 0; i < 400; i++)
			if (rand() < 0.5) print "K " sp[int(rand() * ns) + 1]
			else print "L " w[int(rand() * nw) + 1]
	}' > "$WORK/fuzz-keys"
	while read -r kind arg; do
		if [ "$kind" = K ]; then keys "$arg"; else $T send-keys -t mm -l -- "$arg"; fi
	done < "$WORK/fuzz-keys"
	# out of whatever it is in (help, a panel, a search, a half-typed
	# line): Esc, C-g, C-e C-u until the command line shows up empty
	# (live mode may be on: the screen need not hold still)
	i=0
	while ! screen | tail -1 | grep -q '^mmscope> *$'; do
		if [ $i -ge $((TIMEOUT * 10)) ]; then
			fail "the command line did not clear:"
			screen | tail -3 | sed 's/^/    |/'
			end
			return
		fi
		[ $((i % 10)) -eq 0 ] && keys Escape C-g C-e C-u
		sleep 0.1
		i=$((i + 1))
	done
	quit_and_check
	end
}

# a request that stops brings its call stack on screen (default layout
# has none at 80x24); another layout picked meanwhile is kept
test_autostep() {
	begin autostep
	start 80 24 &&
	expect_not "call stack" &&
	type_line "alloc_pages GFP_KERNEL 3 --step" &&
	expect "call stack" &&
	expect "__alloc_pages_nodemask(order 3" &&
	type_line "layout slab" &&
	keys F6 &&
	expect "cpu0: stopped at -> get_page_from_freelist" &&
	expect_not "call stack" &&
	expect "slab"
	end
}

# the log files each line by the kind the command layer gave it (never by
# its text): the filters show tracepoints, and hide printk lines from
# "commands and output"
test_logkinds() {
	begin logkinds
	start 80 24 &&
	type_line "trace on mm_page_alloc" &&
	type_line "alloc_pages GFP_KERNEL 0" &&
	type_line "sysrq m" &&
	type_line "focus log" &&
	expect "pages non-shared" &&
	keys f &&
	expect "filter: commands and output" &&
	expect "> alloc_pages GFP_KERNEL 0" &&
	expect_not "mm_page_alloc: page=" &&
	expect_not "pages non-shared" &&
	keys f &&
	expect "filter: tracepoints" &&
	expect "mm_page_alloc: page=" &&
	expect_not "> alloc_pages" &&
	expect_not "pages non-shared"
	end
}

# F11 zooms the focused panel over the whole screen and back; with the
# command line focused it says what to do
test_zoom() {
	begin zoom
	start 80 24 &&
	keys F11 &&
	expect "zoom: focus a panel first" &&
	type_line "focus memmap" &&
	keys F11 &&
	expect "memory map" &&
	expect_not "free_area" &&
	expect_not "zones" &&
	expect "0x138000 " &&
	keys F11 &&
	expect "free_area" &&
	expect "zones" &&
	expect "memory map"
	end
}

ALL="start alloc step help complete wide theme resize script lesson lesson_quit \
	lesson_explore lesson_autostep lua quit fuzz autostep interrupt signals paste files \
	logkinds zoom"
for t in ${*:-$ALL}; do
	"test_$t"
done
# a sanitizer build's reports went to files (not over the screen): any
# error among them fails the run
for f in "$WORK"/asan.*; do
	[ -f "$f" ] || continue
	if grep -q 'ERROR:' "$f"; then
		echo "FAIL sanitizer report ($f):"
		sed 's/^/    /' "$f"
		failed=$((failed + 1))
	fi
done
echo "tui-test: $passed passed, $failed failed"
[ $failed -eq 0 ]
