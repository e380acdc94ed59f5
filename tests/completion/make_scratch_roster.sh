#!/bin/bash
# Usage: make_scratch_roster.sh ROSTER_BINARY FOLDER
# Makes FOLDER/members.db, with members whose names need quoting in a shell,
# and FOLDER/other.db, with one other member: the completion tests' data.
set -eu
bin=$1 dir=$2
db=$dir/members.db other=$dir/other.db
{
    "$bin" init -q --db "$db"
    "$bin" add-member -q --db "$db" 'Blue Harbor Digital Co., Ltd.' --sector tourism --joined 2024-01-02
    "$bin" add-member -q --db "$db" "O'Brien Trading" --sector other --joined 2024-01-02
    "$bin" add-member -q --db "$db" '杭州云栖数字科技有限公司' --sector 文化旅游 --joined 2024-01-02
    "$bin" init -q --db "$other"
    "$bin" add-member -q --db "$other" 'Only In Other Ltd.' --sector other --joined 2024-01-02
} >/dev/null
