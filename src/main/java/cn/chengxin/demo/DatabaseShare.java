package cn.chengxin.demo;

import java.util.List;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the database did for one measured phase of a benchmark, per unit of work (a check): the statements it spent
 * its time in, with the shared buffers they touched and dirtied and the WAL they wrote (each statement and all of them
 * together: unlike the times, these do not move with the machine's load), from {@code pg_stat_statements} when the
 * server preloads it
 * ({@code CHENGXIN_EMBEDDED_DB_PRELOAD=pg_stat_statements}), and the WAL the phase wrote by kind of record (table,
 * index, transaction), from {@code pg_walinspect} when the server has it. The counters are reset or marked when the
 * phase starts and read as soon as it ends, so that what follows (the floor's requests, the counting queries) is not
 * in them; the WAL is read afterwards, when it costs the measurement nothing. Bench code only: a throw-away database.
 */
final class DatabaseShare {

    /** One statement's share of the phase. */
    record Statement(long calls, double millis, long plans, double planMillis, long rows, long walRecords,
                     long walBytes, long buffers, long dirtied, String text) {
    }

    private final JdbcClient jdbc;
    private final boolean statements;
    private final boolean walInspect;
    private String walFrom;
    private String walTo;
    private List<Statement> top = List.of();
    private Statement all;

    private DatabaseShare(JdbcClient jdbc, boolean statements, boolean walInspect) {
        this.jdbc = jdbc;
        this.statements = statements;
        this.walInspect = walInspect;
    }

    /** Ready to measure: the extensions the server offers created (both are contrib, in the embedded server). */
    static DatabaseShare of(JdbcClient jdbc) {
        boolean statements = jdbc.sql("SHOW shared_preload_libraries").query(String.class).single()
                .contains("pg_stat_statements");
        if (statements) {
            jdbc.sql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").update();
            // Planning too: a statement planned anew at every call shows it here (plans, plan time).
            jdbc.sql("ALTER SYSTEM SET pg_stat_statements.track_planning = on").update();
            jdbc.sql("SELECT pg_reload_conf()").query().singleRow();
        }
        boolean walInspect = jdbc.sql("SELECT count(*) FROM pg_available_extensions WHERE name = 'pg_walinspect'")
                .query(Long.class).single() > 0;
        if (walInspect) {
            jdbc.sql("CREATE EXTENSION IF NOT EXISTS pg_walinspect").update();
        }
        return new DatabaseShare(jdbc, statements, walInspect);
    }

    /** The phase starts: statement counters zeroed, the WAL's position noted. */
    void start() {
        if (statements) {
            jdbc.sql("SELECT pg_stat_statements_reset()").query().singleRow();
        }
        walFrom = jdbc.sql("SELECT pg_current_wal_lsn()::text").query(String.class).single();
    }

    /** The phase has ended: the statements' counters read now, the WAL's end noted. */
    void stop() {
        walTo = jdbc.sql("SELECT pg_current_wal_lsn()::text").query(String.class).single();
        if (statements) {
            top = jdbc.sql("""
                    SELECT calls, total_exec_time, plans, total_plan_time, rows, wal_records, wal_bytes::bigint,
                           shared_blks_hit + shared_blks_read + local_blks_hit + local_blks_read,
                           shared_blks_dirtied + local_blks_dirtied,
                           left(regexp_replace(query, '\\s+', ' ', 'g'), 110)
                    FROM pg_stat_statements ORDER BY total_exec_time + total_plan_time DESC LIMIT 12""")
                    .query((rs, n) -> new Statement(rs.getLong(1), rs.getDouble(2), rs.getLong(3), rs.getDouble(4),
                            rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9),
                            rs.getString(10)))
                    .list();
            // Every statement of the phase together, not only the top: the buffers and WAL a check, which do not
            // move with the machine's load, so that two jars' runs on a busy machine compare by them.
            all = jdbc.sql("""
                    SELECT sum(calls), sum(total_exec_time), sum(plans), sum(total_plan_time), sum(rows),
                           sum(wal_records), sum(wal_bytes)::bigint,
                           sum(shared_blks_hit + shared_blks_read + local_blks_hit + local_blks_read),
                           sum(shared_blks_dirtied + local_blks_dirtied)
                    FROM pg_stat_statements""")
                    .query((rs, n) -> new Statement(rs.getLong(1), rs.getDouble(2), rs.getLong(3), rs.getDouble(4),
                            rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9),
                            "(all statements)"))
                    .single();
        }
    }

    /** Prints the phase's statements and WAL per {@code units} (the phase's checks), each line after {@code prefix}. */
    void print(String prefix, long units) {
        double per = Math.max(1, units);
        for (Statement s : all == null ? top : Stream.concat(top.stream(), Stream.of(all)).toList()) {
            System.out.printf("%s statement %6.1f µs a check, %7.1f µs a call, %6.1f rows a call, %5.2f WAL records "
                            + "and %,5.0f B, %5.2f buffers (%4.2f dirtied) a check; %,d calls, %,d plans (%.1f µs a "
                            + "check): %s%n", prefix,
                    s.millis() * 1e3 / per, s.millis() * 1e3 / Math.max(1, s.calls()),
                    s.rows() / (double) Math.max(1, s.calls()), s.walRecords() / per, s.walBytes() / per,
                    s.buffers() / per, s.dirtied() / per, s.calls(), s.plans(), s.planMillis() * 1e3 / per,
                    s.text());
        }
        if (!walInspect || walFrom == null || walTo == null) {
            return;
        }
        try {
            printWal(prefix, per);
        } catch (RuntimeException unreadable) {
            // A WAL segment recycled meanwhile, or an older server: the measurement stands without the breakdown.
            System.out.printf("%s WAL by kind not read: %s%n", prefix, unreadable.getMessage());
        }
    }

    private void printWal(String prefix, double per) {
        // By resource manager (Heap, Btree, BRIN, Transaction, ...) and, within one, by record type (INSERT,
        // INSERT_LEAF, COMMIT, ...); a commit record names no table, so it shows here and not below.
        jdbc.sql("""
                        SELECT "resource_manager/record_type", count, record_size, fpi_size
                        FROM pg_get_wal_stats(?::pg_lsn, ?::pg_lsn, true) WHERE count > 0
                        ORDER BY record_size + fpi_size DESC LIMIT 14""")
                .params(walFrom, walTo)
                .query((rs, n) -> String.format("%s WAL %-28s %5.2f records, %,6.0f B (%,5.0f B full-page images) "
                                + "a check", prefix, rs.getString(1), rs.getLong(2) / per, (rs.getLong(3)
                                + rs.getLong(4)) / per, rs.getLong(4) / per))
                .list().forEach(System.out::println);
        // By the table or index a record's blocks belong to: a record touching two (an index split) counts in both.
        jdbc.sql("""
                        SELECT coalesce(pg_filenode_relation(CASE WHEN b.reltablespace = d.dattablespace THEN 0
                                                             ELSE b.reltablespace END, b.relfilenode)::text,
                                        b.relfilenode::text),
                               count(DISTINCT b.start_lsn), sum(b.block_data_length), sum(b.block_fpi_length)
                        FROM pg_get_wal_block_info(?::pg_lsn, ?::pg_lsn, false) b
                        JOIN pg_database d ON d.oid = b.reldatabase
                        GROUP BY 1 ORDER BY sum(b.block_data_length + b.block_fpi_length) DESC LIMIT 12""")
                .params(walFrom, walTo)
                .query((rs, n) -> String.format("%s WAL in %-36s %5.2f records, %,6.0f B of block data, %,5.0f B "
                                + "of full-page images a check", prefix, rs.getString(1), rs.getLong(2) / per,
                        rs.getLong(3) / per, rs.getLong(4) / per))
                .list().forEach(System.out::println);
    }
}
