#!/usr/bin/env bash
# Builds the fuzz targets with clang-16 (libFuzzer + ASan/UBSan) and runs each for N seconds
# with the shared sample files as seed corpus (statement parsers), and the spec's deposit, the
# bad-input corpus and the example config (API bodies, config loader).
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
  fuzz_km_answer fuzz_aak_answer fuzz_dkb_answer \
  fuzz_deposit fuzz_batch_body fuzz_assign_body fuzz_config

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

# API bodies and config: the deposit of ledger-api.md, the bodies of the bad-input corpus
# (tests/daemon/api/corpus), small assignment/ledger bodies, the example config.
api_seeds="$build/seeds/api"; batch_seeds="$build/seeds/batch"; small_seeds="$build/seeds/small"
config_seeds="$build/seeds/config"
mkdir -p "$api_seeds" "$batch_seeds" "$small_seeds" "$config_seeds"
python3 - "$root" "$api_seeds" "$batch_seeds" "$small_seeds" <<'PY'
import json, os, re, sys
root, api, batch, small = sys.argv[1:]
spec = open(os.path.join(root, "../shared/specs/ledger-api.md"), encoding="utf-8").read()
deposit = json.loads(re.search(r"```json\n(\{.*?\})\n```", spec, re.S).group(1))
def write(d, name, text):
    open(os.path.join(d, name), "w", encoding="utf-8").write(text)
write(api, "spec", json.dumps(deposit))
write(batch, "array", "\x00" + json.dumps([deposit, deposit]))
write(batch, "ndjson", "\x01" + json.dumps(deposit) + "\n" + json.dumps(deposit) + "\n")
for i, line in enumerate(open(os.path.join(root, "tests/daemon/api/corpus/bad_input.jsonl"), encoding="utf-8")):
    case = json.loads(line)
    if "text" in case:
        write(api, "text-%d" % i, case["text"])
    elif "set" in case:
        d = json.loads(json.dumps(deposit))
        for pointer, value in case["set"].items():
            parts = [int(p) if p.isdigit() else p for p in pointer.strip("/").split("/")]
            target = d
            try:
                for p in parts[:-1]:
                    target = target[p]
                target[parts[-1]] = value
            except (KeyError, IndexError, TypeError):
                continue
        write(api, "set-%d" % i, json.dumps(d, ensure_ascii=False))
write(small, "assign", '{"deposit_id": "D-2021-000184"}')
write(small, "ledger", '{"paid": "1340.00", "balance": "1342.17", "as_of": "2026-11-01"}')
write(small, "unknown", '{"deposit_id": 5, "x": [1, {"y": null}]}')
PY
cp "$root/examples/kautiond.json" "$config_seeds/example.json"

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
run fuzz_deposit "$api_seeds"
run fuzz_batch_body "$batch_seeds" "$api_seeds"
run fuzz_assign_body "$small_seeds"
run fuzz_config "$config_seeds"
exit "$status"
