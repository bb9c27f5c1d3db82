#!/usr/bin/env bash
# Benchmark: load a synthetic population of N residents (default 1,000,000) into a fresh embedded
# PostgreSQL and print the time. Usage: bench/generate-population.sh [residents] [seed]
# Needs the jar: ./mvnw -q package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/malloc.sh
residents="${1:-1000000}"
seed="${2:-42}"
dir="target/bench/generate"
rm -rf "$dir"
echo "bench: generate --residents $residents --seed $seed on a fresh embedded database in $dir ($(nproc) cores)"
start=$(date +%s%N)
SPRING_PROFILES_ACTIVE=dev CHENGXIN_DATA_DIR="$dir" CHENGXIN_EMBEDDED_DB_PORT="${BENCH_DB_PORT:-54339}" java -jar target/chengxin.jar generate \
  --residents "$residents" --seed "$seed" | grep -E '^generate: (done|generated|[0-9,]+ residents,)'
end=$(date +%s%N)
ms=$(( (end - start) / 1000000 ))
printf 'bench: whole command (JVM and database start, generation, load, shutdown): %d.%d s\n' \
  $((ms / 1000)) $((ms % 1000 / 100))
