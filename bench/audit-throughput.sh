#!/usr/bin/env bash
# Benchmark: audited events per second with group commit, on a fresh embedded database; then the whole
# log is verified. Usage: bench/audit-throughput.sh [events] [threads]
# Needs the jar: ./mvnw -q package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/malloc.sh
events="${1:-200000}"
threads="${2:-64}"
dir="target/bench/audit"
rm -rf "$dir"
SPRING_PROFILES_ACTIVE=dev CHENGXIN_DATA_DIR="$dir" CHENGXIN_EMBEDDED_DB_PORT="${BENCH_DB_PORT:-54359}" java -jar target/chengxin.jar bench-audit \
  --events "$events" --threads "$threads" --chengxin.keys.generate-missing=true | grep '^bench-audit:'
