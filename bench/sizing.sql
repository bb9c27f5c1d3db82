-- Sizing (gaps review xxxiii N9; README 容量与维护): bytes on disk per row of the tables that grow with use, with their
-- indexes and TOAST (pg_total_relation_size), after a benchmark's data generation. Before WAL and backups. Run
-- against a benchmark's database (bench/sizing.sh does), or any installation's, with psql.
ANALYZE;
SELECT t.name AS "table",
       c.reltuples::bigint AS "rows (estimate)",
       pg_size_pretty(pg_total_relation_size(c.oid)) AS "with indexes",
       CASE WHEN c.reltuples > 0 THEN round(pg_total_relation_size(c.oid) / c.reltuples) END AS "bytes a row"
FROM (VALUES ('audit.event'), ('audit.node'), ('measures.check_made'), ('creditfile.record'),
             ('subject.subject'), ('subject.person'), ('listing.entry'), ('scoring.score'), ('scoring.score_history'),
             ('exchange.outbox'), ('exchange.received'), ('exchange.inbound_batch'), ('ingestion.batch'),
             ('inquiry.report'), ('public.event_publication')) AS t(name)
JOIN pg_class c ON c.oid = to_regclass(t.name)
ORDER BY pg_total_relation_size(c.oid) DESC;
-- The whole database, for the total per unit of work.
SELECT pg_size_pretty(pg_database_size(current_database())) AS "database";
