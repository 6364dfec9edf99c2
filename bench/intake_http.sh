#!/usr/bin/env bash
# Batch intake through the real daemon (bench/RESULTS.md, "Batch intake on a quiet machine"):
# the sandbox's portfolio posted in JSON batches of 10,000 with curl over kautiond's Unix
# socket, Release build, fresh store, accesses inactive (nothing is exported).
#   bench/intake_http.sh [SIZE]    SIZE deposits per bank (default 33334: 100,002 deposits)
# Environment: BUILD_DIR (default build-rel), PERF=1 profiles the daemon (perf report -i
# $WORK_DIR/perf.data), WORK_DIR (default a fresh /tmp directory, removed unless KEEP=1).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size=${1:-33334}
build="${BUILD_DIR:-$root/build-rel}"
bench_name=intake-http
# shellcheck source=bench/common.sh
. "$root/bench/common.sh" kautiond kautiond-sandbox

"$build/connectors/sandbox/kautiond-sandbox" --seed 1 --size "$size" --today 2026-06-15 \
  --pki-dir "$work/sandbox" --aak-port 0 --km-port 0 --dkb-port 0 --port-file "$work/ports.json" \
  --portfolio-out "$work/portfolio.ndjson" 2>"$work/sandbox.log" &
pids+=($!)
wait_for "$work/sandbox.log" READY 300
sed -e "s/@ACTIVE@/false/" -e "s/@PORT_AAK@/$(jq .aak "$work/ports.json")/" \
  -e "s/@PORT_KM@/$(jq .km "$work/ports.json")/" -e "s/@PORT_DKB@/$(jq .dkb "$work/ports.json")/" \
  "$root/bench/sync_bench.json" >"$work/kautiond.json"
split -l 10000 -d -a 3 "$work/portfolio.ndjson" "$work/batch."
for part in "$work"/batch.???; do jq -s -c . "$part" >"$part.json"; done
deposits=$(wc -l <"$work/portfolio.ndjson")

"$build/daemon/kautiond" --config "$work/kautiond.json" 2>"$work/daemon.log" &
daemon=$!
pids+=("$daemon")
wait_for "$work/daemon.log" READY 60
if [ "${PERF:-0}" = 1 ]; then
  perf record -F 499 -g -o "$work/perf.data" -p "$daemon" 2>/dev/null &
  perf_pid=$!
fi
ticks0=$(cpu_ticks "$daemon")
t0=$(date +%s.%N)
for body in "$work"/batch.???.json; do
  status=$(curl -sS --unix-socket "$work/kautiond-api.sock" -o /dev/null -w '%{http_code}' \
    -H "Authorization: Bearer $KAUTIOND_TOKEN_ERP" -H 'Content-Type: application/json' \
    --data-binary "@$body" http://localhost/api/v1/deposits:batch)
  [ "$status" = 200 ] || { echo "intake_http: batch $body answered $status" >&2; exit 1; }
done
t1=$(date +%s.%N)
ticks1=$(cpu_ticks "$daemon")
if [ "${PERF:-0}" = 1 ]; then kill -INT "$perf_pid"; wait "$perf_pid" || true; fi
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "intake over HTTP: $deposits deposits in $(echo "$t1 - $t0" | bc) s =" \
  "$(echo "$deposits / ($t1 - $t0)" | bc) deposits/s; daemon CPU" \
  "$(echo "scale=2; ($ticks1 - $ticks0) / $(getconf CLK_TCK)" | bc) s"
grep -c BATCH_DONE "$work/daemon.log" | sed 's/^/batches: /'
