#!/usr/bin/env bash
# Benchmark: full score recompute of 1,000,000 synthetic residents with about 10,000,000 credit records (loaded
# set-based), then the freshness of a score after one penalty submitted through ingestion (10 residents), on a
# fresh embedded database. Heap capped at 512 MB as for bench/ingest.sh.
# Usage: bench/scoring.sh [residents] [records] [probes]   (defaults 1,000,000, 10,000,000, 10)
# BENCH_REUSE=1 keeps the database of the previous run (same sizes) and only drops its scores: the recompute is
# measured in a minute instead of six, for trying changes; README figures come from fresh runs.
# Needs the jar: ./mvnw -q package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/malloc.sh
residents="${1:-1000000}"
records="${2:-10000000}"
probes="${3:-10}"
dir="target/bench/scoring"
reuse=()
if [ "${BENCH_REUSE:-}" = 1 ] && [ -d "$dir" ]; then
  reuse=(--reuse)
else
  rm -rf "$dir"
fi
rm -f "$dir.log"
mkdir -p "$(dirname "$dir")"
SPRING_PROFILES_ACTIVE=dev CHENGXIN_DATA_DIR="$dir" CHENGXIN_EMBEDDED_DB_PORT="${BENCH_DB_PORT:-54389}" java -Xmx512m ${BENCH_JAVA_OPTS:-} -jar "${BENCH_JAR:-target/chengxin.jar}" \
  bench-scoring --residents "$residents" --records "$records" --probes "$probes" "${reuse[@]}" \
  | tee "$dir.log" | grep '^bench-scoring:'
