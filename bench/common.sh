# Sourced by the sandbox benchmarks (sync_bench.sh, intake_http.sh) after they set `root`,
# `build` and `bench_name`: builds the Release binaries named in $@, makes the work directory
# ($WORK_DIR or a fresh one in /tmp, removed on exit unless KEEP=1), stops every PID in `pids`
# on exit, loads the sandbox's secrets, and defines wait_for and cpu_ticks.
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKAUTION_BENCH=ON \
  -DKAUTION_TESTS=OFF -DKAUTION_SANITIZE=OFF >/dev/null
ninja -C "$build" -j2 "$@" >/dev/null

work=${WORK_DIR:-$(mktemp -d "/tmp/kaution-$bench_name.XXXXXX")}
mkdir -p "$work"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ "${KEEP:-0}" = 1 ] || rm -rf "$work"
}
trap cleanup EXIT
set -a; . "$root/examples/sandbox.env"; set +a

wait_for() {  # wait_for FILE PATTERN SECONDS: until grep -E finds PATTERN in FILE
  for _ in $(seq $(($3 * 10))); do grep -qE "$2" "$1" 2>/dev/null && return 0; sleep 0.1; done
  echo "$bench_name: timed out waiting for '$2' in $1" >&2; tail -5 "$1" >&2; return 1
}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
