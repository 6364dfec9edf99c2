#!/usr/bin/env bash
# The service unit must rate "OK" or better in systemd-analyze's offline security check
# (overall exposure ≤ 3.0).
set -euo pipefail
unit=$1
out=$(systemd-analyze security --offline=true "$unit" 2>&1)
line=$(grep "Overall exposure level" <<<"$out")
echo "$line"
exposure=$(grep -o 'level for [^:]*: [0-9.]*' <<<"$line" | grep -o '[0-9.]*$')
awk -v e="$exposure" 'BEGIN { exit !(e <= 3.0) }'
