#!/usr/bin/env bash
# Benchmark: the check API (POST /api/v1/checks) over HTTP on loopback, with 1,000,000 synthetic residents and
# 100,000 list entries in force, against the HTTP floor of the same server (GET /api/v1/whoami with a key of the
# same kind), on a fresh embedded database, driven by wrk. Every check is stored and audited as in production.
# Usage: bench/checks.sh [residents] [entries] [workers] [seconds] [warm-up seconds]
# Needs the jar (./mvnw -q package -DskipTests) and wrk, the load generator (installed here from Debian if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get install -y -q wrk >/dev/null
  else
    echo "bench/checks.sh needs wrk: sudo apt-get install wrk" >&2
    exit 2
  fi
fi
. bench/malloc.sh
residents="${1:-1000000}"
entries="${2:-100000}"
workers="${3:-48}"
seconds="${4:-20}"
warmup="${5:-5}"
dir="target/bench/checks"
rm -rf "$dir" "$dir.log"
mkdir -p "$(dirname "$dir")"
SPRING_PROFILES_ACTIVE=dev CHENGXIN_DATA_DIR="$dir" CHENGXIN_EMBEDDED_DB_PORT="${BENCH_DB_PORT:-54379}" CHENGXIN_PORT="${BENCH_PORT:-18379}" java ${BENCH_JAVA_OPTS:-} \
  -jar "${BENCH_JAR:-target/chengxin.jar}" bench-checks --residents "$residents" --entries "$entries" --workers "$workers" \
  --seconds "$seconds" --warmup "$warmup" --chengxin.keys.generate-missing=true --chengxin.demo.accounts=false \
  | tee "$dir.log" | grep '^bench-checks:'
