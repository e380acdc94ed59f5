# fish completion for roster.
#
# Installed as $datadir/fish/vendor_completions.d/roster.fish; to try it
# without installing, `source data/completions/roster.fish`. The candidates
# come from `roster __complete`, which knows every command and option and reads
# sector codes and names and member names from the database that --db or
# $ROSTER_DB names. $ROSTER_BIN, if set, is the roster to ask.

function __roster_complete
    set -l bin roster
    set -q ROSTER_BIN; and set bin $ROSTER_BIN
    # The words before the cursor as roster will read them (quotes removed),
    # then the word being completed, as far as the cursor.
    set -l args (commandline -opc)[2..-1]
    set -l current (commandline -ct | string unescape; or commandline -ct)
    set -l found ($bin __complete $args "$current" 2>/dev/null)
    if test (count $found) -eq 0
        __fish_complete_path "$current"
    else
        printf '%s\n' $found
    end
end

complete -c roster -f -a '(__roster_complete)'
