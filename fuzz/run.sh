#!/usr/bin/env bash
# Builds the fuzz targets with clang-16 (libFuzzer + ASan/UBSan) and runs each for N seconds
# with the shared sample files as seed corpus.
#   fuzz/run.sh [SECONDS]      default 60 per target; CI calls `fuzz/run.sh 20`
# Environment: BUILD_DIR (default build-fuzz beside fuzz/), SAMPLES (default ../shared/samples),
# JOBS (default 2), TARGETS (default all; e.g. "fuzz_km_answer fuzz_aak_answer"). Findings
# land in $BUILD_DIR/findings/<target>/; exit 1 when any target found a crash.
set -euo pipefail

seconds="${1:-60}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BUILD_DIR:-$root/build-fuzz}"
samples="${SAMPLES:-$root/../shared/samples}"
jobs="${JOBS:-2}"

if ! command -v clang++-16 >/dev/null; then
  echo "fuzz: installing clang-16 and its libFuzzer runtime (Debian 12)" >&2
  apt-get update -qq && apt-get install -y -qq clang-16 libclang-rt-16-dev >/dev/null
fi

CXX=clang++-16 cmake -S "$root/fuzz" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
ninja -C "$build" -j "$jobs" fuzz_camt fuzz_mt940 fuzz_statement \
  fuzz_km_answer fuzz_aak_answer fuzz_dkb_answer

# Seed corpora: the samples in place are read-only seeds; new inputs go to corpus/<target>.
# The bank answer targets start from fuzz/seeds/<bank> (sandbox answers, fuzz/capture_seeds.sh,
# and hand-written answers of each kind) and, for aak and dkb, the camt samples.
seed_dir() { mkdir -p "$build/corpus/$1" "$build/findings/$1"; echo "$build/corpus/$1"; }
camt_seeds="$build/seeds/camt"; mt_seeds="$build/seeds/mt940"; zip_seeds="$build/seeds/zip"
rm -rf "$build/seeds"; mkdir -p "$camt_seeds" "$mt_seeds" "$zip_seeds"
find "$samples" -name '*.xml' -size -200k -print0 | xargs -0 -I{} cp {} "$camt_seeds/" 2>/dev/null || true
find "$samples" \( -name '*.sta' -o -name '*.txt' -o -path '*Engine*/sample*' \) ! -name 'LICEN*' \
  -print0 | while IFS= read -r -d '' f; do cp "$f" "$mt_seeds/$(echo "$f" | md5sum | cut -c1-12)"; done
python3 - "$camt_seeds" "$mt_seeds" "$zip_seeds/seed.zip" <<'PY'
import os, sys, zipfile
camt, mt, out = sys.argv[1:]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for d in (camt, mt):
        for name in sorted(os.listdir(d))[:3]:
            z.write(os.path.join(d, name), name)
PY

status=0
run() {
  local target="$1"; shift
  if [[ -n "${TARGETS:-}" && " $TARGETS " != *" $target "* ]]; then return 0; fi
  local corpus; corpus="$(seed_dir "$target")"
  echo "fuzz: $target for ${seconds}s" >&2
  if ! "$build/$target" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix="$build/findings/$target/" -print_final_stats=1 "$corpus" "$@" \
      2> "$build/findings/$target.log"; then
    echo "fuzz: $target FAILED, see $build/findings/$target.log" >&2
    tail -40 "$build/findings/$target.log" >&2
    status=1
  fi
  grep -E '^stat::(number_of_executed_units|new_units_added)' "$build/findings/$target.log" >&2 || true
}
run fuzz_camt "$camt_seeds"
run fuzz_mt940 "$mt_seeds"
run fuzz_statement "$camt_seeds" "$mt_seeds" "$zip_seeds"
run fuzz_km_answer "$root/fuzz/seeds/km"
run fuzz_aak_answer "$root/fuzz/seeds/aak" "$camt_seeds"
run fuzz_dkb_answer "$root/fuzz/seeds/dkb" "$camt_seeds"
exit "$status"
