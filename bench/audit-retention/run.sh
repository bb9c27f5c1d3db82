#!/usr/bin/env bash
# Gaps review xlii W2: a night of audit retention on 1,000,000 events over 800 days, the old single UPDATE against the
# walk by positions (audit.RetentionWalk's statements, replayed by walk.py a psql session a chunk), then a second night.
# Needs a running PostgreSQL 17 at BENCH_DB_PORT on socket dir BENCH_DB_HOST (e.g. the project's zonky binaries started
# by hand with initdb/pg_ctl) and psql; writes old.out, new1.out, new2.out here.
set -euo pipefail
cd "$(dirname "$0")"
export PGHOST=${BENCH_DB_HOST:-/tmp} PGPORT=${BENCH_DB_PORT:?set BENCH_DB_PORT} PGUSER=${PGUSER:-postgres}
M=../../src/main/resources/db/migration/audit
{ cat seed.sql; sed -n '/^CREATE OR REPLACE FUNCTION/,$p' $M/V570__retention_judged_by_the_servers_clock.sql \
    | sed 's/^CREATE OR REPLACE/CREATE/'; sed 's/\${runtime_role}/nobody_here/' $M/V770__audit_retention_in_seq_ranges.sql; } > /tmp/w2-setup.sql
for db in w2base w2old w2new; do psql -q -c "DROP DATABASE IF EXISTS $db"; done
psql -q -c "CREATE DATABASE w2base"
psql -q -v ON_ERROR_STOP=1 -d w2base -f /tmp/w2-setup.sql
psql -q -d w2base -c "VACUUM ANALYZE audit.event"
psql -q -c "CREATE DATABASE w2old TEMPLATE w2base STRATEGY FILE_COPY"
psql -q -c "CREATE DATABASE w2new TEMPLATE w2base STRATEGY FILE_COPY"
: > old.out
for night in 1 2; do
  psql -q -c CHECKPOINT
  psql -d w2old -At >> old.out <<SQL
SELECT pg_current_wal_lsn() AS l0 \gset
EXPLAIN (ANALYZE, BUFFERS, WAL, COSTS OFF) SELECT audit.empty_past_retention('SECURITY', now() - interval '$((401 - night)) days', now());
SELECT 'night $night: WAL bytes ' || pg_wal_lsn_diff(pg_current_wal_lsn(), :'l0');
SQL
  psql -q -d w2old -c "VACUUM audit.event"
  [ $night = 1 ] && psql -q -d w2old -f newday.sql
done
psql -q -c CHECKPOINT
python3 walk.py w2new 400 10000 > new1.out
psql -q -d w2new -c "VACUUM audit.event"
psql -q -d w2new -f newday.sql
psql -q -c CHECKPOINT
python3 walk.py w2new 399 10000 > new2.out
