#!/usr/bin/env bash
# Benchmark: credit reports (PDF) through POST /api/v1/reports over HTTP on loopback, for adults of the demo population
# who have records (typical files), each having authorised the bench institution; on a fresh embedded database.
# The warm-up is long on purpose: the JIT compiles the template engine, layout and PDF code only after some hundreds
# of reports, and until then its compiler threads take most of the 2 cores.
# Usage: bench/reports.sh [workers] [seconds] [residents] [warm-up seconds]   (defaults 4, 30, 20,000, 60)
# Needs the jar: ./mvnw -q package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/malloc.sh
workers="${1:-4}"
seconds="${2:-30}"
residents="${3:-20000}"
warmup="${4:-60}"
dir="target/bench/reports"
rm -rf "$dir" "$dir.log"
mkdir -p "$(dirname "$dir")"
SPRING_PROFILES_ACTIVE=dev CHENGXIN_DATA_DIR="$dir" CHENGXIN_EMBEDDED_DB_PORT="${BENCH_DB_PORT:-54399}" CHENGXIN_PORT="${BENCH_PORT:-18399}" java ${BENCH_JAVA_OPTS:-} \
  -jar "${BENCH_JAR:-target/chengxin.jar}" bench-reports --residents "$residents" --workers "$workers" \
  --seconds "$seconds" --warmup "$warmup" --chengxin.keys.generate-missing=true --chengxin.demo.accounts=false \
  | tee "$dir.log" | grep '^bench-reports:'
