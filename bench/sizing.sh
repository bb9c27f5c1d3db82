#!/usr/bin/env bash
# Sizing (gaps review xxxiii N9; README 容量与维护): bytes per ingested record and per exchange message, measured on the
# benchmarks' generated data at a small size (minutes, not the full benchmarks): bench-ingest with N rows and
# bench-exchange with M messages, each on a fresh embedded database, then bench/sizing.sql over each database,
# started again with the embedded PostgreSQL's own binaries. Checks: bench/checks.sh at any size, then the same SQL.
# Usage: bench/sizing.sh [rows] [messages]   (default 20,000 and 5,000)
# Needs the jar (./mvnw -q package -DskipTests; BENCH_JAR=path runs another build) and psql.
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-20000}"
messages="${2:-5000}"
jar="${BENCH_JAR:-target/chengxin.jar}"
pg_bin="${PG_BIN:-$(dirname "$(ls -d /tmp/embedded-pg/*/bin/pg_ctl | head -1)")}"
# PostgreSQL refuses to run as root: as root, the database is started as nobody and given back after.
as=()
if [ "$(id -u)" = 0 ]; then as=(runuser -u nobody --); fi
sizes() {
  if [ ${#as[@]} -gt 0 ]; then chown -R nobody "$1/postgres"; chmod o+x . target target/bench "$1"; fi
  "${as[@]}" "$pg_bin/pg_ctl" -D "$1/postgres" -o "-p 54397 -c listen_addresses=localhost -k /tmp" -w \
    -l "$1/postgres/sizing.log" start >/dev/null
  PGPASSWORD=postgres psql -h localhost -p 54397 -U postgres -d postgres -q -P pager=off -f bench/sizing.sql
  "${as[@]}" "$pg_bin/pg_ctl" -D "$1/postgres" -m fast -w stop >/dev/null
  if [ ${#as[@]} -gt 0 ]; then chown -R "$(id -u)" "$1/postgres"; fi
}
if [ "${SIZING_ONLY:-}" != exchange ]; then
dir="target/bench/sizing-ingest"
rm -rf "$dir"
SPRING_PROFILES_ACTIVE=dev CHENGXIN_DATA_DIR="$dir" CHENGXIN_EMBEDDED_DB_PORT="${BENCH_DB_PORT:-54396}" java -Xmx512m -jar "$jar" \
  bench-ingest --rows "$rows" | grep '^bench-ingest:' || true
echo "== after ingesting $rows records (and the same file again)"
sizes "$dir"
fi
dir="target/bench/sizing-exchange"
rm -rf "$dir"
SPRING_PROFILES_ACTIVE=dev CHENGXIN_DATA_DIR="$dir" CHENGXIN_EMBEDDED_DB_PORT="${BENCH_DB_PORT:-54395}" java -Xmx512m -jar "$jar" \
  bench-exchange --messages "$messages" --batch 500 --hops 5 --chengxin.keys.generate-missing=true \
  --chengxin.demo.accounts=false --chengxin.exchange.push-interval=PT0.1S --chengxin.exchange.max-skew=PT1H \
  --chengxin.exchange.allow-plain-http=true | grep '^bench-exchange:' || true
echo "== after receiving $messages exchange messages"
sizes "$dir"
