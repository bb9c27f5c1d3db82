#!/usr/bin/env bash
# Benchmark: a CSV of N penalty records about a synthetic population, ingested end to end, compared with
# plain PostgreSQL COPY of the same file; then the same file again (all duplicates). Heap capped at 512 MB.
# Usage: bench/ingest.sh [rows] [--vacuumed]   (default 1,000,000; --vacuumed: the population vacuumed and analysed
# before the file arrives, as a city's registry long is)
# Needs the jar: ./mvnw -q package -DskipTests (BENCH_JAR=path runs another build, to compare two; BENCH_JAVA_OPTS
# adds JVM options, e.g. -XX:StartFlightRecording=filename=/tmp/ingest.jfr,settings=profile for where the JVM's time goes;
# CHENGXIN_EMBEDDED_DB_PRELOAD=pg_stat_statements prints the statements the database spent the most time in, with
# the buffers they touched and the WAL they wrote a row: these, unlike times, hold still on a loaded machine).
# The plans the statements get: CHENGXIN_EMBEDDED_DB_PRELOAD=pg_stat_statements,auto_explain with
# CHENGXIN_EMBEDDED_DB_SETTINGS='logging_collector=on;log_directory=/tmp/pg-log;auto_explain.log_min_duration=100ms;
# auto_explain.log_analyze=on;auto_explain.log_buffers=on' (the embedded server's own log, in that directory).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/malloc.sh
rows="${1:-1000000}"
shift || true
dir="target/bench/ingest"
rm -rf "$dir" "$dir.log"
mkdir -p "$(dirname "$dir")"
SPRING_PROFILES_ACTIVE=dev CHENGXIN_DATA_DIR="$dir" CHENGXIN_EMBEDDED_DB_PORT="${BENCH_DB_PORT:-54369}" java -Xmx512m ${BENCH_JAVA_OPTS:-} -jar "${BENCH_JAR:-target/chengxin.jar}" \
  bench-ingest --rows "$rows" "$@" | tee "$dir.log" | grep '^bench-ingest:'
