#!/usr/bin/env bash
# The long form of the crash harness (tests/crash/README.md): 200 SIGKILLs of kautiond and 50 of
# the sandbox during a sync of 2,100 deposits and over 50,000 bookings. Extra arguments go to
# kaution-crash (e.g. --kills 400, --seed 7, --work DIR --keep).
#   tests/crash/run.sh [--build DIR] [kaution-crash options]
set -euo pipefail
cd "$(dirname "$0")/../.."
build=build
if [ "${1:-}" = "--build" ]; then build=$2; shift 2; fi
cmake --build "$build" -j2 --target kaution-crash
exec "$build/tests/crash/kaution-crash" --bin-dir "$(realpath "$build")" --kills 200 --sandbox-kills 50 \
  --size 700 --days 60 --extra 600 --min-bookings 50000 --timeout 7200 "$@"
