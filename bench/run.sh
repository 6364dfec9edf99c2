#!/usr/bin/env bash
# Builds statement_bench (Release, no sanitizers), generates the benchmark files and measures
# each mode three times (the median is reported), as recorded in RESULTS.md.
#   bench/run.sh [ENTRIES...]       default: 100000 1000000
# Environment: BUILD_DIR (default build-bench beside bench/), DATA_DIR (default /tmp/kaution-bench).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BUILD_DIR:-$root/build-bench}"
data="${DATA_DIR:-/tmp/kaution-bench}"
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(100000 1000000)

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKAUTION_BENCH=ON \
  -DKAUTION_TESTS=OFF -DKAUTION_SANITIZE=OFF >/dev/null
ninja -C "$build" -j2 statement_bench >/dev/null
bench="$build/bench/statement_bench"
mkdir -p "$data"

median() {  # runs "$@" three times, prints the run with the median seconds
  for _ in 1 2 3; do "$@"; done | sort -t= -k3 -g | sed -n 2p
}

echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(date -u +%Y-%m-%d)"
for n in "${sizes[@]}"; do
  camt="$data/camt053_$n.xml"; mt="$data/mt940_$n.sta"
  [ -f "$camt" ] || "$bench" generate camt "$n" "$camt"
  [ -f "$mt" ] || "$bench" generate mt940 "$n" "$mt"
  echo "== camt.053, $n entries"
  median "$bench" pugixml "$camt"
  median "$bench" parse-buffer "$camt"
  median "$bench" parse "$camt"
  echo "== MT940, $n entries"
  median "$bench" parse-buffer "$mt"
  median "$bench" parse "$mt"
done
