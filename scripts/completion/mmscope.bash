# bash completion for mmscope (installed as
# $(PREFIX)/share/bash-completion/completions/mmscope by make install).
#
# The names come from the program itself (mmscope --list WHAT), so they
# are always the ones it knows: options, presets after --machine, themes
# after --theme, layouts after --layout, walkthroughs after --batch and
# as the first plain word (the screen runs FILE.lua), and files where a
# file may go.  Needs nothing but bash (no bash-completion helpers).

# _mmscope_list PROG WHAT: PROG's names, one a line
_mmscope_list()
{
	"$1" --list "$2" 2>/dev/null
}

# _mmscope_offer CUR NAMES FILES: the names starting with CUR, and with
# FILES (a glob such as '*.lua', or '*' for any) the files and
# directories matching CUR
_mmscope_offer()
{
	local cur=$1 names=$2 files=$3 f
	local IFS=$'\n'

	COMPREPLY=($(compgen -W "$names" -- "$cur"))
	[[ -n $files ]] || return 0
	for f in $(compgen -f -- "$cur"); do
		if [[ -d $f ]]; then
			COMPREPLY+=("$f/")
		elif [[ $files == '*' || $f == $files ]]; then
			COMPREPLY+=("$f")
		fi
	done
	compopt -o filenames -o nospace 2>/dev/null
	# a name offered is a word of its own: no space only after a directory
	[[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} != */ ]] && compopt +o nospace 2>/dev/null
	return 0
}

_mmscope()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev= prog=${COMP_WORDS[0]}
	local i

	COMPREPLY=()
	((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
	# --opt=VALUE: bash splits it at '=' (COMP_WORDBREAKS) into three words
	if [[ $cur == = ]]; then
		cur=
	elif [[ $prev == = ]] && ((COMP_CWORD > 1)); then
		prev=${COMP_WORDS[COMP_CWORD - 2]}
	fi
	# the program the line names, so an uninstalled ./mmscope answers for itself
	command -v -- "$prog" >/dev/null 2>&1 || prog=mmscope

	# the words after a walkthrough run in the screen are its arguments
	for ((i = 1; i < COMP_CWORD; i++)); do
		[[ ${COMP_WORDS[i]} == *.lua ]] || continue
		case ${COMP_WORDS[i - 1]} in
		--batch | = | -e) ;;
		*) return 0 ;;
		esac
	done

	case $prev in
	--machine)
		_mmscope_offer "$cur" "$(_mmscope_list "$prog" presets)" '*'
		return 0 ;;
	--theme)
		_mmscope_offer "$cur" "$(_mmscope_list "$prog" themes)" '*.theme'
		return 0 ;;
	--layout)
		_mmscope_offer "$cur" "$(_mmscope_list "$prog" layouts)" ''
		return 0 ;;
	--batch)
		_mmscope_offer "$cur" "$(_mmscope_list "$prog" walkthroughs)" '*'
		return 0 ;;
	--list)
		_mmscope_offer "$cur" "$(_mmscope_list "$prog" lists)" ''
		return 0 ;;
	-e)
		return 0 ;;
	esac
	if [[ $cur == -* ]]; then
		_mmscope_offer "$cur" "$(_mmscope_list "$prog" options)" ''
		return 0
	fi
	# a walkthrough to run in the screen
	_mmscope_offer "$cur" "$(_mmscope_list "$prog" walkthroughs)" '*.lua'
	return 0
}

complete -F _mmscope mmscope
