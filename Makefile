# mmscope - plain GNU make.  Local overrides go in config.mk.
#
#   make            build ./mmscope (objects under $(BUILD)/)
#   make run        install missing Debian packages, build, start
#   make test       install missing Debian packages (make deps), then unit
#                   tests, golden transcripts, Lua tests, screen tests
#   make lua-test   the Lua API tests alone (tests/lua/*.lua, headless)
#   make tui-test   the screen tests alone (tmux; UPDATE=1 rewrites goldens)
#   make screenshots  regenerate screenshots/ (tmux; PNGs with rsvg-convert)
#   make stress-test  random step-mode streams (tests/stress), as make test runs them
#   make soak       the same for 10M commands (takes a while)
#   make asan       the whole test suite under ASan+UBSan (build-asan/), with
#                   DEBUG=1
#   make DEBUG=1    MM_BUG_ON live (mm/internal.h): a broken invariant prints
#                   one line and aborts; the unit tests always link an mm/
#                   built that way (e.g. make DEBUG=1 BUILD=build-debug
#                   BINDIR=build-debug test)
#   make bench      the fast paths under callgrind and timed: a table of
#                   instructions and ns per operation (tests/bench/run.sh)
#   make fuzz FUZZ_SECONDS=N   build the libFuzzer targets with clang
#                   (build-fuzz/) and run each for N seconds on its corpus
#   make deps       install (as root) or name the missing Debian packages
#   make install PREFIX=/usr/local DESTDIR=   the program, walkthroughs,
#                   themes, man page, bash completion; make uninstall
#   make man        build/mmscope.1, written by mmscope --man
#   make docs-test  the README's key table and the man page (tests/docs/)
#   make check-layers   mm/ must not include curses, readline or Lua
-include config.mk

CC ?= cc
BUILD ?= build
# make install: $(DESTDIR)$(PREFIX)/bin/mmscope, the walkthroughs and themes
# in $(PREFIX)/share/mmscope (compiled into src/datadir.c: the installed
# program finds them there), the man page, the bash completion
PREFIX ?= /usr/local
DESTDIR ?=
DATADIR = $(PREFIX)/share/mmscope
BINDIR ?= .
CFLAGS ?= -O2 -g
WARN = -Wall -Wextra -Werror=implicit-function-declaration -Werror=int-conversion \
	-Werror=incompatible-pointer-types
ifeq ($(CI),true)
WARN += -Werror
endif
# appended by `make asan` (and free for config.mk)
XCFLAGS ?=
XLDFLAGS ?=
# DEBUG=1 defines MM_DEBUG everywhere: MM_BUG_ON checks and aborts
DEBUG ?=
DEBUG_FLAGS = $(if $(filter 1,$(DEBUG)),-DMM_DEBUG)
# every object: -std=c11 -D_DEFAULT_SOURCE -Wall -Wextra -O2 -g, even when
# the environment brings its own CFLAGS
ALL_CFLAGS = -std=c11 -D_DEFAULT_SOURCE $(WARN) $(CFLAGS) $(XCFLAGS) $(DEBUG_FLAGS) -MMD -MP

PKGS = ncursesw readline lua5.4
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CMOCKA_CFLAGS := $(shell pkg-config --cflags cmocka 2>/dev/null)
CMOCKA_LIBS := $(shell pkg-config --libs cmocka 2>/dev/null)

# every Debian package the build and the test tiers need: `make deps`
# installs the missing ones (make run and make test first, and .ci/run)
#   procps, valgrind      the fuzz and bench tiers' process and memory tools
#   clang, libclang-rt-dev   libFuzzer (-fsanitize=fuzzer) for tests/fuzz;
#                         libclang-rt-dev is Debian's runtime for its default
#                         clang (libclang-rt-14-dev on Debian 12)
DEBIAN_PACKAGES = build-essential pkg-config libncurses-dev libreadline-dev \
	liblua5.4-dev libcmocka-dev tmux procps valgrind clang libclang-rt-dev

MM_SRCS := $(wildcard mm/*.c mm/linux-3.10/*.c)
SRC_SRCS := $(shell find src -name '*.c' 2>/dev/null | sort)
UNIT_SRCS := $(wildcard tests/unit/test_*.c)

MM_OBJS := $(MM_SRCS:%.c=$(BUILD)/%.o)
SRC_OBJS := $(SRC_SRCS:%.c=$(BUILD)/%.o)
CMD_OBJS := $(filter $(BUILD)/src/cmd/%,$(SRC_OBJS))
# the screen's curses-free parts (canvas, themes, layouts, panels,
# screenshots), for unit tests: term.c owns curses and tui*.c the main loop,
# so they stay out
TUI_OBJS := $(filter-out $(BUILD)/src/tui/term.o $(BUILD)/src/tui/tui%.o,\
	$(filter $(BUILD)/src/tui/%,$(SRC_OBJS))) $(BUILD)/src/datadir.o
UNIT_BINS := $(UNIT_SRCS:%.c=$(BUILD)/%)
STRESS := $(BUILD)/tests/stress/stress
LIBMM := $(BUILD)/libmm.a
# the core with MM_DEBUG, for the unit tests: libmm.a itself under DEBUG=1,
# else mm/ compiled a second time into $(BUILD)/mm-debug/
ifeq ($(DEBUG),1)
LIBMM_DEBUG := $(LIBMM)
else
LIBMM_DEBUG := $(BUILD)/libmm-debug.a
endif
MM_DEBUG_OBJS := $(MM_SRCS:%.c=$(BUILD)/mm-debug/%.o)
LIBCMD := $(BUILD)/libcmd.a
LIBTUI := $(BUILD)/libtui.a
MMSCOPE := $(BINDIR)/mmscope
MAN := $(BUILD)/mmscope.1
BENCH := $(BUILD)/tests/bench/bench

# fuzzing (tests/fuzz/, below)
FUZZ_TARGETS = fuzz_cmd fuzz_machine fuzz_lua
FUZZ_SECONDS ?= 60
FUZZ_BUILD ?= build-fuzz
FUZZ_CC ?= clang
# the sanitizers of the libFuzzer build (a faster run without ASan:
# FUZZ_SAN="-fsanitize=undefined -fno-sanitize-recover=all" FUZZ_BUILD=build-fuzz-fast)
FUZZ_SAN = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
# more libFuzzer options, e.g. FUZZ_OPTS=-jobs=2
FUZZ_OPTS ?=
# src/ without main.c, as an archive: a target takes what it uses
LIBSRC := $(BUILD)/libsrc.a
FUZZ_COMMON := $(BUILD)/tests/fuzz/common.o
REPLAY_BINS := $(FUZZ_TARGETS:%=$(BUILD)/tests/fuzz/replay_%)

.PHONY: FORCE man docs-test install uninstall stress-test soak test-tiers all run test unit-test cmd-test lua-test tui-test fuzz-test fuzz fuzz-build screenshots \
	bench asan deps clean check-layers check-pkgs

all: check-layers $(MMSCOPE) $(MAN)

# ---- the core: mm/*.c and mm/linux-3.10/*.c -> libmm.a---------------------------------------
$(BUILD)/mm/%.o: mm/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Imm -c $< -o $@

$(LIBMM): $(MM_OBJS)
	@mkdir -p $(@D)
	rm -f $@
	$(AR) rcs $@ $^

$(BUILD)/mm-debug/mm/%.o: mm/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -DMM_DEBUG -Imm -c $< -o $@

$(BUILD)/libmm-debug.a: $(MM_DEBUG_OBJS)
	@mkdir -p $(@D)
	rm -f $@
	$(AR) rcs $@ $^

# ---- the program: src/**/*.c + libmm.a -> mmscope ----------------------------
# Front ends read the model through mm/view.h and change it through
# mm/ops.h, and include nothing else of mm/ (check-layers): the model's
# structs (struct zone, struct kmem_cache, struct mm_machine, ...) stay
# incomplete types to them, so reaching into one does not compile.
$(BUILD)/src/%.o: src/%.c | check-pkgs
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(PKG_CFLAGS) -Imm -Isrc -c $< -o $@

# the installed data directory is compiled into datadir.c alone; the
# stamp holds the value it was built with, so a new PREFIX rebuilds it
$(BUILD)/datadir.stamp: FORCE
	@mkdir -p $(@D)
	@[ "$$(cat $@ 2>/dev/null)" = '$(DATADIR)' ] || echo '$(DATADIR)' > $@

$(BUILD)/src/datadir.o: $(BUILD)/datadir.stamp
$(BUILD)/src/datadir.o: ALL_CFLAGS += -DMMSCOPE_DATADIR='"$(DATADIR)"'

FORCE:

$(MMSCOPE): $(SRC_OBJS) $(LIBMM)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) $(XLDFLAGS) -o $@ $(SRC_OBJS) \
		$(LIBMM) $(PKG_LIBS) $(LDLIBS)

# the man page, written by the program from its own tables (src/man.c);
# the person's own scripts and themes stay out of it
$(MAN): $(MMSCOPE) $(wildcard scripts/*.lua themes/*.theme)
	@mkdir -p $(@D)
	XDG_CONFIG_HOME=/nonexistent MMSCOPE_DATADIR= $(MMSCOPE) --man > $@.tmp && mv $@.tmp $@

man: $(MAN)

# the command language alone, for unit tests of src/cmd
$(LIBCMD): $(CMD_OBJS)
	rm -f $@
	$(AR) rcs $@ $^

$(LIBTUI): $(TUI_OBJS)
	rm -f $@
	$(AR) rcs $@ $^

check-pkgs:
	@pkg-config --exists $(PKGS) || { \
		echo "missing libraries ($(PKGS)): run 'make deps' (make test and make run do)" >&2; \
		exit 1; }

# ---- tests ----------------------------------------------------------------------
# every tests/unit/test_*.c is one cmocka program linked with the core
# built with MM_DEBUG (libmm-debug.a: a broken MM_BUG_ON aborts the test)
# and libcmd.a, which only the tests of src/cmd draw from
# (test_tui_*.c also link libtui.a: canvas, themes, panels)
$(BUILD)/tests/unit/test_tui_%: tests/unit/test_tui_%.c $(LIBTUI) $(LIBCMD) $(LIBMM_DEBUG)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(CMOCKA_CFLAGS) -Imm -Isrc -Isrc/tui \
		$(LDFLAGS) $(XLDFLAGS) -o $@ $< $(LIBTUI) $(LIBCMD) $(LIBMM_DEBUG) \
		$(CMOCKA_LIBS) $(LDLIBS)

$(BUILD)/tests/unit/%: tests/unit/%.c $(LIBCMD) $(LIBMM_DEBUG)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(CMOCKA_CFLAGS) -Imm -Isrc \
		$(LDFLAGS) $(XLDFLAGS) -o $@ $< $(LIBCMD) $(LIBMM_DEBUG) $(CMOCKA_LIBS) \
		$(LDLIBS)

# each unit test program in turn; fails if any failed, after running all
RUN_UNIT = failed=0; for t in $(UNIT_BINS); do \
		echo "== $$t"; $$t || failed=$$((failed + 1)); \
	done; \
	[ $$failed -eq 0 ] || { echo "$$failed unit test program(s) failed"; false; }
RUN_CMD = MMSCOPE=$(MMSCOPE) tests/cmd/run.sh
RUN_LUA = MMSCOPE=$(MMSCOPE) tests/lua/run.sh && \
	MMSCOPE=$(MMSCOPE) tests/lua/walkthroughs.sh
RUN_TUI = MMSCOPE=$(MMSCOPE) tests/tui/run.sh
# the docs tier: the README's key table is the program's own (mmscope
# --keys), its marked examples print what it shows; the man page has every name the program lists, the bash
# completion offers them, make install installs a program that finds its
# files (tests/docs/)
RUN_KEYS = sed -n '/^<!-- keys:/,/^<!-- \/keys -->/p' README.md | sed '1d;$$d' > $(BUILD)/readme-keys.md; \
	$(MMSCOPE) --keys | diff -u $(BUILD)/readme-keys.md - && echo "ok   README key table" || \
	{ echo "README's key table differs from 'mmscope --keys' (paste it in)"; false; }
# (its own variable: test-tiers runs it in the same shell, where status
# holds the other tiers' verdict)
RUN_DOCS = docs_status=0; { $(RUN_KEYS); } || docs_status=1; \
	MMSCOPE=$(MMSCOPE) tests/docs/readme.sh || docs_status=1; \
	MMSCOPE=$(MMSCOPE) MAN=$(MAN) tests/docs/man.sh || docs_status=1; \
	MMSCOPE=$(MMSCOPE) tests/docs/completion.sh || docs_status=1; \
	MAKE="$(MAKE)" BUILD=$(BUILD) BINDIR=$(BINDIR) tests/docs/install.sh || docs_status=1; \
	[ $$docs_status -eq 0 ]

# the fuzz corpora, replayed through each target's entry (tests/fuzz/)
RUN_FUZZ = failed=0; for t in $(FUZZ_TARGETS); do \
		$(BUILD)/tests/fuzz/replay_$$t tests/fuzz/corpus/$$t || failed=1; \
	done; [ $$failed -eq 0 ]

# a fresh machine: install what is missing first (make deps), then run the
# tiers in a new make, which asks pkg-config for the flags afresh
test: deps
	@$(MAKE) --no-print-directory test-tiers

# the tiers run one after the other (even under -j), all of them always
test-tiers: all $(UNIT_BINS) $(STRESS) $(REPLAY_BINS)
	@status=0; { $(RUN_UNIT); } || status=1; $(RUN_CMD) || status=1; \
	$(RUN_LUA) || status=1; \
	{ $(RUN_STRESS); } || status=1; \
	{ $(RUN_FUZZ); } || status=1; \
	$(RUN_TUI) || status=1; \
	{ $(RUN_DOCS); } || status=1; \
	exit $$status

unit-test: $(UNIT_BINS)
	@$(RUN_UNIT)

cmd-test: $(MMSCOPE)
	@$(RUN_CMD)

lua-test: $(MMSCOPE)
	@$(RUN_LUA)

docs-test: $(MMSCOPE) $(MAN)
	@$(RUN_DOCS)

# the screen in a real terminal (tmux); UPDATE=1 rewrites the golden screens
tui-test: $(MMSCOPE)
	@$(RUN_TUI)

# keep the objects make would treat as intermediates
.SECONDARY: $(FUZZ_TARGETS:%=$(BUILD)/tests/fuzz/%.o) $(BUILD)/tests/fuzz/replay.o $(FUZZ_COMMON)

fuzz-test: $(REPLAY_BINS)
	@$(RUN_FUZZ)

ASAN_FLAGS = -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer -O1
# the random-operation tests run a fifth of their plain-build length here
# (200k page and 100k SLAB ops): the sanitizers make each op ~10x slower;
# DEBUG=1: MM_BUG_ON aborts here too
asan:
	MM_TEST_OPS=$${MM_TEST_OPS:-200000} STRESS_STREAMS=$${STRESS_STREAMS:-20} \
		$(MAKE) BUILD=build-asan BINDIR=build-asan DEBUG=1 \
		XCFLAGS="$(ASAN_FLAGS)" XLDFLAGS="-fsanitize=address,undefined" test

# ---- fuzzing (tests/fuzz/) ---------------------------------------------------
# Each target tests/fuzz/NAME.c defines LLVMFuzzerTestOneInput.  `make test`
# links it with replay.c (any compiler) and runs tests/fuzz/corpus/NAME/;
# `make fuzz` builds it with clang and libFuzzer in $(FUZZ_BUILD)/ and
# fuzzes each target for FUZZ_SECONDS.  What libFuzzer finds goes to
# $(FUZZ_BUILD)/corpus/NAME/ (new inputs) and $(FUZZ_BUILD)/findings/NAME/
# (crashes, hangs, leaks), never into tests/ by itself.

$(LIBSRC): $(filter-out $(BUILD)/src/main.o,$(SRC_OBJS))
	rm -f $@
	$(AR) rcs $@ $^

$(BUILD)/tests/fuzz/%.o: tests/fuzz/%.c | check-pkgs
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(PKG_CFLAGS) -Imm -Isrc -Itests/fuzz -c $< -o $@

$(BUILD)/tests/fuzz/replay_%: $(BUILD)/tests/fuzz/%.o $(BUILD)/tests/fuzz/replay.o \
		$(FUZZ_COMMON) $(LIBSRC) $(LIBMM)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) $(XLDFLAGS) -o $@ $^ $(PKG_LIBS) $(LDLIBS)

# the libFuzzer programs (only in a build made by fuzz-build)
$(BUILD)/fuzz/%: $(BUILD)/tests/fuzz/%.o $(FUZZ_COMMON) $(LIBSRC) $(LIBMM)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) $(XLDFLAGS) -o $@ $^ $(PKG_LIBS) $(LDLIBS)

fuzz-build:
	$(MAKE) BUILD=$(FUZZ_BUILD) BINDIR=$(FUZZ_BUILD) CC=$(FUZZ_CC) CFLAGS="-O1 -g" DEBUG=1 \
		XCFLAGS="$(FUZZ_SAN) -fsanitize=fuzzer-no-link \
			-fsanitize-coverage-ignorelist=tests/fuzz/coverage-ignore.txt" \
		XLDFLAGS="$(FUZZ_SAN) -fsanitize=fuzzer" \
		$(FUZZ_TARGETS:%=$(FUZZ_BUILD)/fuzz/%)

# from the top of the tree (scripts read files relative to it), stdin empty
fuzz: fuzz-build
	@status=0; for t in $(FUZZ_TARGETS); do \
		mkdir -p $(FUZZ_BUILD)/corpus/$$t $(FUZZ_BUILD)/findings/$$t; \
		echo "== $$t for $(FUZZ_SECONDS) s"; \
		$(FUZZ_BUILD)/fuzz/$$t -max_total_time=$(FUZZ_SECONDS) -timeout=10 \
			-rss_limit_mb=4096 -dict=tests/fuzz/$$t.dict \
			-artifact_prefix=$(FUZZ_BUILD)/findings/$$t/ $(FUZZ_OPTS) \
			$(FUZZ_BUILD)/corpus/$$t tests/fuzz/corpus/$$t </dev/null || status=1; \
	done; \
	[ $$status -eq 0 ] || echo "make fuzz: findings in $(FUZZ_BUILD)/findings/"; \
	exit $$status

# ---- installing -------------------------------------------------------------
# make install PREFIX=/usr/local DESTDIR=: the program, its walkthroughs
# (scripts/*.lua with lib/ and machines/) and themes in $(DATADIR), which
# the program has compiled in (src/datadir.c), the man page and the bash
# completion.  make uninstall removes what make install put there.
INSTALL ?= install
BINDIR_INST = $(PREFIX)/bin
MANDIR = $(PREFIX)/share/man/man1
BASHCOMPDIR = $(PREFIX)/share/bash-completion/completions

install: $(MMSCOPE) $(MAN)
	$(INSTALL) -d $(DESTDIR)$(BINDIR_INST) $(DESTDIR)$(DATADIR)/scripts/lib \
		$(DESTDIR)$(DATADIR)/scripts/machines $(DESTDIR)$(DATADIR)/themes \
		$(DESTDIR)$(MANDIR) $(DESTDIR)$(BASHCOMPDIR)
	$(INSTALL) -m 755 $(MMSCOPE) $(DESTDIR)$(BINDIR_INST)/mmscope
	$(INSTALL) -m 644 scripts/*.lua $(DESTDIR)$(DATADIR)/scripts/
	$(INSTALL) -m 644 scripts/lib/*.lua $(DESTDIR)$(DATADIR)/scripts/lib/
	$(INSTALL) -m 644 scripts/machines/*.machine $(DESTDIR)$(DATADIR)/scripts/machines/
	$(INSTALL) -m 644 themes/*.theme $(DESTDIR)$(DATADIR)/themes/
	$(INSTALL) -m 644 $(MAN) $(DESTDIR)$(MANDIR)/mmscope.1
	$(INSTALL) -m 644 scripts/completion/mmscope.bash $(DESTDIR)$(BASHCOMPDIR)/mmscope

uninstall:
	rm -f $(DESTDIR)$(BINDIR_INST)/mmscope $(DESTDIR)$(MANDIR)/mmscope.1 \
		$(DESTDIR)$(BASHCOMPDIR)/mmscope
	rm -rf $(DESTDIR)$(DATADIR)

# ---- screenshots: scripted scenarios in a real terminal (tmux) ---------------
screenshots: $(MMSCOPE)
	MMSCOPE=$(MMSCOPE) screenshots/make.sh

# ---- random step-mode streams (tests/stress) ---------------------------------------
$(STRESS): tests/stress/stress.c $(LIBCMD) $(LIBMM)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Imm -Isrc $(LDFLAGS) $(XLDFLAGS) -o $@ $< $(LIBCMD) $(LIBMM) $(LDLIBS)

# make test: 300 streams of 400 commands over three machines (a failing
# stream's commands land in $(BUILD)/stress-failure.cmd); make soak: 10.4M
# commands, the big machine less often (each of its streams costs ~10x)
STRESS_STREAMS ?= 100
RUN_STRESS = for mach in tiny tests/cmd/machines/frag.machine x86_64-4g; do \
		$(STRESS) --quiet --machine $$mach --streams $(STRESS_STREAMS) --commands 400 \
			--log $(BUILD)/stress-failure.cmd || exit 1; done
SOAK_SEED ?= 7

stress-test: $(STRESS)
	@$(RUN_STRESS)

soak: $(STRESS)
	$(STRESS) --machine tiny --streams 12000 --commands 400 --seed $(SOAK_SEED) --log $(BUILD)/soak-failure.cmd
	$(STRESS) --machine tests/cmd/machines/frag.machine --streams 12000 --commands 400 --seed $(SOAK_SEED) \
		--log $(BUILD)/soak-failure.cmd
	$(STRESS) --machine x86_64-4g --streams 2000 --commands 400 --seed $(SOAK_SEED) --log $(BUILD)/soak-failure.cmd

# ---- benchmark ----------------------------------------------------------------
# bench MODE N: one fast path looped N times (the frame modes draw the
# screen's panels, hence libtui.a and libcmd.a as the panel tests link them)
$(BENCH): tests/bench/bench.c $(LIBTUI) $(LIBCMD) $(LIBMM)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -O2 -Imm -Isrc $(LDFLAGS) $(XLDFLAGS) \
		-o $@ $< $(LIBTUI) $(LIBCMD) $(LIBMM) $(LDLIBS)

# every mode under callgrind with N and 2N (instructions per op, start-up
# cancelled) and timed, then the same for commands and Lua through ./mmscope
bench: $(BENCH) $(MMSCOPE)
	BENCH=$(BENCH) MMSCOPE=$(MMSCOPE) BENCH_DIR=$(BUILD)/bench tests/bench/run.sh

# ---- layering: the core never touches a terminal, readline or Lua ------------
LAYER_RE = ^[[:space:]]*\#[[:space:]]*include[[:space:]]*[<"]([^>"]*/)?(n?curses[^/>"]*|term|panel|menu|form|readline|history|lua[^/>"]*|lauxlib|lualib)\.h[>"]|[<"](ncursesw?|readline|lua[0-9.]*)/
# mm/ is a library: no curses, readline or Lua headers, and no writable
# globals (objects in .data or .bss of libmm.a; name tables are const and
# live in .rodata or .data.rel.ro; the sanitizers' own __asan/__odr_asan/
# __sancov objects do not count).  Front ends read the model's state
# through its view, never by parsing its text: no sscanf in src/, and
# strstr only where the text is not the model's (a Lua error message, a
# script's narration).
FRONT_STRSTR_OK = src/lua/lsandbox.c src/tui/panels/narration.c
check-layers: $(LIBMM)
	@if grep -rnE '$(LAYER_RE)' mm/ ; then \
		echo "check-layers: mm/ must not include curses, readline or Lua headers" >&2; \
		exit 1; fi
	@w=$$(objdump -t $(LIBMM) | awk '$$3 == "O" && $$4 ~ /^(\.data|\.bss)(\.|$$)/ && $$4 !~ /rel\.ro/ && $$NF !~ /^__/ {print $$4, $$NF}; \
		$$0 ~ /\*COM\*/ {print "COMMON", $$NF}'); \
	if [ -n "$$w" ]; then echo "check-layers: writable globals in libmm.a (make them const or move them into struct mm_machine):" >&2; \
		echo "$$w" >&2; exit 1; fi
	@bad=$$(for f in $$(find src -name '*.[ch]'); do d=$$(dirname $$f); \
		sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' $$f | \
		while read h; do \
			{ [ -e "$$d/$$h" ] || [ -e "src/$$h" ]; } && continue; \
			[ -e "mm/$$h" ] && case $$h in view.h|ops.h) ;; *) echo "  $$f: $$h";; esac; \
		done; done); \
	if [ -n "$$bad" ]; then echo "check-layers: front ends include only view.h and ops.h of mm/:" >&2; \
		echo "$$bad" >&2; exit 1; fi
	@if grep -rn 'sscanf *(' src/; then \
		echo "check-layers: src/ must not parse text (read the model through mm/view.h)" >&2; exit 1; fi
	@if grep -rln 'strstr *(' src/ | grep -vxF $(patsubst %,-e %,$(FRONT_STRSTR_OK)); then \
		echo "check-layers: strstr in a front end: read the model through mm/view.h" >&2; exit 1; fi

# ---- Debian packages ----------------------------------------------------------
deps:
	@if ! command -v dpkg-query >/dev/null; then \
		pkg-config --exists $(PKGS) cmocka && exit 0; \
		echo "deps: not Debian; install pkg-config, ncursesw, readline," \
			"Lua 5.4, cmocka and tmux yourself (clang with libFuzzer," \
			"valgrind and procps for the fuzz and bench tiers)" >&2; exit 1; \
	fi; \
	missing=""; \
	for p in $(DEBIAN_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | \
			grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then \
		echo "deps: installing$$missing"; \
		export DEBIAN_FRONTEND=noninteractive; \
		apt-get update -q && \
		apt-get install -y -q --no-install-recommends$$missing </dev/null; \
	else \
		echo "deps: missing Debian packages:$$missing" >&2; \
		echo "deps: install them as root, then run make again:" >&2; \
		echo "  sudo apt-get install$$missing" >&2; \
		exit 1; \
	fi

run: deps
	$(MAKE) all
	$(MMSCOPE)

clean:
	rm -rf build build-asan build-debug build-fuzz mmscope

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
