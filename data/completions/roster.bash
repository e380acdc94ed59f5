# bash completion for roster                                 -*- shell-script -*-
#
# Installed as $datadir/bash-completion/completions/roster; to try it without
# installing, `source data/completions/roster.bash`. The candidates come from
# `roster __complete`, which knows every command and option and reads sector
# codes and names and member names from the database that --db or $ROSTER_DB
# names. $ROSTER_BIN, if set, is the roster to ask (the default: roster on PATH).

# The word as the shell will read it, in REPLY: quotes and backslashes
# removed and a leading ~/ expanded, without running anything in it.
_roster_dequote()
{
    local word=$1 out='' quote='' c
    # shellcheck disable=SC2088 # the literal ~ the user typed
    case $word in
        '~') word=$HOME ;;
        '~/'*) word=$HOME${word:1} ;;
    esac
    while [[ -n $word ]]; do
        c=${word:0:1}
        word=${word:1}
        if [[ $quote == "'" ]]; then
            if [[ $c == "'" ]]; then quote=''; else out+=$c; fi
        elif [[ $quote == '"' ]]; then
            if [[ $c == '"' ]]; then
                quote=''
            elif [[ $c == \\ && $word == [\$\`\"\\]* ]]; then
                out+=${word:0:1}
                word=${word:1}
            else
                out+=$c
            fi
        elif [[ $c == "'" || $c == '"' ]]; then
            quote=$c
        elif [[ $c == \\ ]]; then
            out+=${word:0:1}
            word=${word:1}
        else
            out+=$c
        fi
    done
    REPLY=$out
}

_roster()
{
    local cur words cword
    if declare -F _get_comp_words_by_ref >/dev/null; then
        # --db=x and a:b stay one word, as roster reads them.
        _get_comp_words_by_ref -n =: cur words cword
    else
        words=("${COMP_WORDS[@]}")
        cword=$COMP_CWORD
        cur=${COMP_WORDS[COMP_CWORD]}
    fi

    local -a args=()
    local i
    for ((i = 1; i < cword; i++)); do
        _roster_dequote "${words[i]}"
        args+=("$REPLY")
    done
    _roster_dequote "$cur"
    args+=("$REPLY")

    # Readline replaces only what follows the last = or : (both break words
    # for it), and closes a quote the user opened: the rest is left as typed.
    local quoted='' head=''
    if [[ $cur == [\'\"]* ]]; then
        quoted=1
    elif [[ $cur == *[=:]* ]]; then
        head=${cur%"${cur##*[=:]}"}
        [[ $COMP_WORDBREAKS == *"${head: -1}"* ]] || head=''
        _roster_dequote "$head"
        head=$REPLY
    fi

    local -a found=()
    mapfile -t found < <("${ROSTER_BIN:-roster}" __complete "${args[@]}" 2>/dev/null)
    COMPREPLY=()
    local line
    for line in "${found[@]}"; do
        if [[ -n $head ]]; then
            [[ $line == "$head"* ]] || continue
            line=${line#"$head"}
        fi
        if [[ -z $quoted ]]; then
            printf -v line '%q' "$line"
        fi
        COMPREPLY+=("$line")
    done
}

complete -F _roster -o default roster

# ex: filetype=sh
