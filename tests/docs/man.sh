#!/usr/bin/env bash
# The man page (make man: build/mmscope.1, written by mmscope --man from
# the program's own tables) against the program:
#   - it is what the binary prints now (not a stale file);
#   - every option, command, global key, preset, layout, theme and
#     walkthrough the program lists (--list, --keys) is in it, as a
#     paragraph tag (.TP followed by the name in bold);
#   - the sections a man page has are there;
#   - where groff is installed, it renders without a warning.
#
#   MMSCOPE=./mmscope MAN=build/mmscope.1 tests/docs/man.sh
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
mmscope=${MMSCOPE:-./mmscope}
man=${MAN:-build/mmscope.1}
cd "$root"
fail=0
bad() { echo "FAIL man: $*"; fail=1; }

[[ -f $man ]] || { echo "FAIL man: $man is not built (make man)"; exit 1; }
# the page as the program writes it, with the tree's files only
fresh() { XDG_CONFIG_HOME=/nonexistent MMSCOPE_DATADIR= "$mmscope" --man; }
fresh | cmp -s - "$man" || bad "$man differs from 'mmscope --man' (make man)"

# the tags, unescaped: the line after each .TP, fonts and \- \e \& undone
tags=$(awk 'prev == ".TP" { print } { prev = $0 }' "$man" |
	sed -e 's/\\f[BIR]//g' -e 's/\\-/-/g' -e 's/\\e/\\/g' -e 's/\\&//g')
# has_tag WHAT NAME: a tag starts with NAME (followed by a space, a comma
# or the end: "alloc_pages [-c CPU] ...", "?, F1")
has_tag() {
	grep -qxF -- "$2" <<<"$tags" || grep -qF -- "$2 " <<<"$tags" ||
		grep -qF -- "$2," <<<"$tags" || bad "no $1 '$2'"
}
n=0
for what in options presets layouts commands; do
	while read -r name; do
		[[ $what == layouts && $name == auto ]] && continue # not a layout of its own
		[[ $what == options && $name == -h ]] && continue   # the tag is "--help, -h"
		has_tag "${what%s}" "$name"
		n=$((n + 1))
	done < <("$mmscope" --list "$what")
done
while read -r name; do
	has_tag walkthrough "$name"
	n=$((n + 1))
done < <(XDG_CONFIG_HOME=/nonexistent MMSCOPE_DATADIR= "$mmscope" --list walkthroughs)
# the global keys: the first column of --keys ("`?`, `F1`" -> "?, F1")
while read -r keys; do
	has_tag key "$keys"
	n=$((n + 1))
done < <("$mmscope" --keys | sed -n '3,$p' | awk -F' \\| ' '{ sub(/^\| /, "", $1); print $1 }' | tr -d '`')
# the themes: one line of names
themes=$(sed -n '/^\.SH THEMES/,/^\.SH/p' "$man" | sed -e 's/\\-/-/g')
while read -r name; do
	grep -q "^\.B $name\(,\)\?$" <<<"$themes" || bad "no theme '$name'"
	n=$((n + 1))
done < <(XDG_CONFIG_HOME=/nonexistent MMSCOPE_DATADIR= "$mmscope" --list themes)
for sec in NAME SYNOPSIS DESCRIPTION OPTIONS COMMANDS KEYS MACHINES LAYOUTS THEMES \
	WALKTHROUGHS FILES ENVIRONMENT "EXIT STATUS" "SEE ALSO"; do
	grep -qx "\.SH $sec" "$man" || bad "no section $sec"
done
grep -q '^\.TH MMSCOPE 1 ' "$man" || bad "no .TH line"

if command -v groff >/dev/null; then
	warn=$(groff -man -Tutf8 -ww -z "$man" 2>&1) || bad "groff failed"
	[[ -z $warn ]] || bad "groff warns: $warn"
	text=$(groff -man -Tutf8 "$man" 2>/dev/null | sed 's/.\x08//g')
	grep -q 'alloc_pages \[-c CPU\] GFP ORDER' <<<"$text" || bad "the rendered page lacks alloc_pages"
else
	echo "skip man: groff is not installed, the page is not rendered"
fi
[[ $fail == 0 ]] && echo "ok   man page ($n names from the program's tables)"
exit $fail
