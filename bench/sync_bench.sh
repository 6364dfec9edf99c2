#!/usr/bin/env bash
# The sync benchmark (bench/RESULTS.md "Sync benchmark"): kautiond against kautiond-sandbox on
# this machine, Release build, no sanitizers.
#   bench/sync_bench.sh [SIZE [BOOKINGS [IDLE_SECONDS]]]
#     SIZE      deposits per bank (default 33334: 100,002 deposits over aak, km and dkb)
#     BOOKINGS  new bookings to import after the export (default 1000000)
#     IDLE      seconds the daemon idles afterwards while its CPU time is measured (default 60)
# Steps: the sandbox writes its portfolio; a daemon whose accesses are inactive loads it through
# the API (kautionctl deposits import) and stops; the daemon starts with active accesses, and
# its first cycle exports every deposit (EXPORT_DONE lines: deposits and seconds per access);
# the daemon stops; the sandbox books eight simulated days, each with BOOKINGS/24 extra
# payments per bank (/_control/bookings, /_control/advance); the daemon starts again and its
# first cycle imports every access (IMPORT_DONE: bookings and seconds from the first request to
# the last commit, per access; IMPORTS_DONE: the wall time of all of them); then it idles (next import due in 15 minutes). Peak RSS is VmHWM, idle RSS VmRSS of /proc/PID/status.
# Environment: BUILD_DIR (default build-rel), WORK_DIR (default a fresh /tmp/kaution-sync-bench.*,
# removed afterwards unless KEEP=1), TODAY (the sandbox's start date, default 2026-06-15),
# PERF=1 (profiles the daemon's export and import runs with perf; implies looking at WORK_DIR).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size=${1:-33334}
want_bookings=${2:-1000000}
idle_seconds=${3:-60}
build="${BUILD_DIR:-$root/build-rel}"
start_day=${TODAY:-2026-06-15}

bench_name=sync-bench
# shellcheck source=bench/common.sh
. "$root/bench/common.sh" kautiond kautionctl kautiond-sandbox
daemon_bin="$build/daemon/kautiond"
ctl_bin="$build/daemon/kautionctl"
sandbox_bin="$build/connectors/sandbox/kautiond-sandbox"
status_kb() { awk -v key="$2:" '$1 == key {print $2}' "/proc/$1/status"; }
profile() {  # profile PID NAME: with PERF=1, samples PID until stop_profile (perf report -i …)
  [ "${PERF:-0}" = 1 ] || return 0
  perf record -F 299 -g -o "$work/perf-$2.data" -p "$1" 2>/dev/null &
  perf_pid=$!
}
stop_profile() {
  [ "${PERF:-0}" = 1 ] || return 0
  kill -INT "$perf_pid"; wait "$perf_pid" || true
  perf report -i "$work/perf-$1.data" --no-children --sort symbol 2>/dev/null | grep -v '^#' |
    grep '%' | head -25 >"$work/perf-$1.txt" || true
  echo "profile: $work/perf-$1.txt"; head -15 "$work/perf-$1.txt"
}
control() {  # control BANK METHOD PATH [BODY]
  local port; port=$(jq -r ".$1" "$work/ports.json")
  curl -sS --fail --cacert "$work/sandbox/ca.pem" --cert "$work/sandbox/dkb-client.pem" \
    --key "$work/sandbox/dkb-client.key" -X "$2" "https://127.0.0.1:$port$3" \
    ${4:+-H 'Content-Type: application/json' -d "$4"}
}
config() {  # config ACTIVE: writes kautiond.json with the sandbox's ports
  sed -e "s/@ACTIVE@/$1/" -e "s/@PORT_AAK@/$(jq .aak "$work/ports.json")/" \
    -e "s/@PORT_KM@/$(jq .km "$work/ports.json")/" -e "s/@PORT_DKB@/$(jq .dkb "$work/ports.json")/" \
    "$root/bench/sync_bench.json" >"$work/kautiond.json"
}
first_run() {  # first_run NAME LOG: starts the daemon ($daemon), waits for its first run;
  # sets daemon_cpu (clock ticks) and sandbox_cpu (seconds) of that run
  local ticks; ticks=$(cpu_ticks "$sandbox")
  "$daemon_bin" --config "$work/kautiond.json" 2>"$work/$2" &
  daemon=$!
  pids+=("$daemon")
  profile "$daemon" "$1"
  wait_for "$work/$2" "SYNC_RUN " 3600
  stop_profile "$1"
  daemon_cpu=$(cpu_ticks "$daemon")
  sandbox_cpu=$(echo "scale=1; ($(cpu_ticks "$sandbox") - $ticks) / $(getconf CLK_TCK)" | bc)
}
sum_field() {  # sum_field FILE EVENT FIELD [SKIP]: sums FIELD= of EVENT lines after the first SKIP
  grep " $2 " "$1" | tail -n +$((${4:-0} + 1)) | sed -n "s/.* $3=\([0-9.]*\).*/\1/p" |
    awk '{s += $1} END {printf "%s", s + 0}'
}

echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/Mem:/{print $2}') GiB," \
  "$(date -u +%Y-%m-%dT%H:%MZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== sandbox: $size deposits per bank, start $start_day"
"$sandbox_bin" --seed 1 --size "$size" --today "$start_day" --pki-dir "$work/sandbox" \
  --aak-port 0 --km-port 0 --dkb-port 0 --port-file "$work/ports.json" \
  --portfolio-out "$work/portfolio.ndjson" 2>"$work/sandbox.log" &
sandbox=$!
pids+=("$sandbox")
wait_for "$work/sandbox.log" READY 300

echo "== intake through the API (accesses inactive)"
config false
"$daemon_bin" --config "$work/kautiond.json" 2>"$work/daemon-intake.log" &
intake=$!
wait_for "$work/daemon-intake.log" READY 60
t0=$(date +%s.%N)
"$ctl_bin" --config "$work/kautiond.json" deposits import "$work/portfolio.ndjson" \
  --rejected-out "$work/intake-rejected.csv" >"$work/intake.out" 2>&1 || true
t1=$(date +%s.%N)
tail -2 "$work/intake.out"
echo "intake: $(wc -l <"$work/portfolio.ndjson") lines in $(echo "$t1 - $t0" | bc) s"
kill -TERM "$intake"; wait "$intake" || true

echo "== first export of all (daemon with active accesses)"
config true
first_run export daemon.log
cpu_export=$daemon_cpu
accepted=$(sum_field "$work/daemon.log" EXPORT_DONE accepted)
rejected=$(sum_field "$work/daemon.log" EXPORT_DONE rejected)
export_s=$(sum_field "$work/daemon.log" EXPORT_DONE seconds)
grep " EXPORT_DONE " "$work/daemon.log" | sed 's/^/  /'
echo "export: accepted $accepted, rejected $rejected in $export_s s:" \
  "$(echo "($accepted + $rejected) / $export_s" | bc) deposits/s;" \
  "CPU of the whole first run: daemon $(echo "scale=1; $cpu_export / $(getconf CLK_TCK)" | bc) s," \
  "sandbox $sandbox_cpu s"
grep " SYNC_RUN " "$work/daemon.log" | head -1 | sed 's/^/  /'
echo "peak RSS of the exporting daemon (VmHWM): $(($(status_kb "$daemon" VmHWM) / 1024)) MB"
kill -TERM "$daemon"; wait "$daemon" || true

echo "== the sandbox books $want_bookings new bookings (daemon stopped)"
before=0
for bank in aak km dkb; do
  before=$((before + $(control "$bank" GET /_control/state | jq .bookings)))
done
# Eight simulated days, each with its share of extra payments on every bank: one aak
# statement per day, and dkb's cursor (a date) ends past the heavy days.
per_day=$(((want_bookings + 23) / 24))
for _ in 1 2 3 4 5 6 7 8; do
  for bank in aak km dkb; do
    control "$bank" POST /_control/bookings "{\"count\": $per_day}" >/dev/null
  done
  control aak POST /_control/advance '{"days": 1}' >/dev/null
done
after=0
for bank in aak km dkb; do
  after=$((after + $(control "$bank" GET /_control/state | jq .bookings)))
done
echo "new bookings at the banks: $((after - before)) (8 simulated days with extra payments)"

echo "== import: the daemon starts, and its first cycle imports every access"
first_run import daemon-import.log
cpu_import=$daemon_cpu
grep " IMPORT_DONE " "$work/daemon-import.log" | sed 's/^/  /'
imported=$(sum_field "$work/daemon-import.log" IMPORT_DONE bookings)
# Wall time of the cycle's imports: from the first access's first request to the last one's
# end (IMPORTS_DONE); the accesses overlap (the next one's first page comes while the current
# one's pages are stored), so their own IMPORT_DONE seconds add up to more than that.
import_s=$(sum_field "$work/daemon-import.log" IMPORTS_DONE seconds)
echo "import: $imported bookings in $import_s s: $(echo "$imported / $import_s" | bc) bookings/s;" \
  "CPU of the whole run: daemon $(echo "scale=1; $cpu_import / $(getconf CLK_TCK)" | bc) s," \
  "sandbox $sandbox_cpu s"
grep " IMPORTS_DONE " "$work/daemon-import.log" | head -1 | sed 's/^/  /'
grep " SYNC_RUN " "$work/daemon-import.log" | head -1 | sed 's/^/  /'
echo "peak RSS of the importing daemon (VmHWM): $(($(status_kb "$daemon" VmHWM) / 1024)) MB"

echo "== idle $idle_seconds s"
sleep 5
ticks0=$(cpu_ticks "$daemon")
sleep "$idle_seconds"
ticks1=$(cpu_ticks "$daemon")
echo "idle: CPU $(echo "scale=3; ($ticks1 - $ticks0) / $(getconf CLK_TCK)" | bc) s in" \
  "$idle_seconds s, RSS (VmRSS) $(($(status_kb "$daemon" VmRSS) / 1024)) MB," \
  "of it anonymous $(($(status_kb "$daemon" RssAnon) / 1024)) MB, file-backed (libraries)" \
  "$(($(status_kb "$daemon" RssFile) / 1024)) MB; peak RSS (VmHWM) $(($(status_kb "$daemon" VmHWM) / 1024)) MB"
echo "store: $(du -sh "$work"/kautiond.db* | awk '{print $1}' | paste -sd' ')"
