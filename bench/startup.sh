#!/usr/bin/env bash
# Benchmark: start the platform as the README's run command does (dev profile, embedded PostgreSQL,
# ~20,000 synthetic residents seeded on first start) and print the time to "ready" — first start on an
# empty data directory, then a restart on the same data. Usage: bench/startup.sh
# Needs the jar: ./mvnw -q package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/malloc.sh
dir="target/bench/startup"
rm -rf "$dir"
run() {
  local log="$dir/$1.log"
  mkdir -p "$dir"
  : > "$log"
  SPRING_PROFILES_ACTIVE=dev CHENGXIN_DATA_DIR="$dir" CHENGXIN_EMBEDDED_DB_PORT="${BENCH_DB_PORT:-54349}" CHENGXIN_PORT="${BENCH_PORT:-18080}" \
    java -jar target/chengxin.jar > "$log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 600); do
    if grep -q ' ready in ' "$log"; then break; fi
    if ! kill -0 "$pid" 2>/dev/null; then echo "bench: the application stopped; see $log"; exit 1; fi
    sleep 0.2
  done
  echo "bench: $1: $(grep -o 'ready in [0-9.]* s ([^)]*)' "$log")"
  kill "$pid"
  wait "$pid" || true
}
echo "bench: startup on $(nproc) cores"
run first-start
run restart
