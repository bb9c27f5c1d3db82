#!/usr/bin/env bash
# Benchmark: exchange throughput (messages/s applied from signed batches: signature, digest, admission, identity
# numbers, idempotent apply) and end-to-end propagation delay city → province → nation over HTTP on loopback
# (receive, relay through the outbox, push), on a fresh embedded database.
# Usage: bench/exchange.sh [messages] [batch] [hops]
# Needs the jar: ./mvnw -q package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/malloc.sh
messages="${1:-100000}"
batch="${2:-500}"
hops="${3:-50}"
dir="target/bench/exchange"
rm -rf "$dir"
SPRING_PROFILES_ACTIVE=dev CHENGXIN_DATA_DIR="$dir" CHENGXIN_EMBEDDED_DB_PORT="${BENCH_DB_PORT:-54389}" java ${BENCH_JAVA_OPTS:-} -jar target/chengxin.jar \
  bench-exchange --messages "$messages" --batch "$batch" --hops "$hops" --chengxin.keys.generate-missing=true \
  --chengxin.demo.accounts=false --chengxin.exchange.push-interval=PT0.1S --chengxin.exchange.max-skew=PT1H \
  --chengxin.exchange.allow-plain-http=true \
  | grep '^bench-exchange:'
