package cn.chengxin.platform.database;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import cn.chengxin.platform.database.PendingValidations.Check;
import cn.chengxin.platform.database.PendingValidations.Condition;
import cn.chengxin.platform.database.PendingValidations.ForeignKey;
import cn.chengxin.platform.database.PendingValidations.Validation;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.MigrationInfo;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.core.io.ClassPathResource;

/**
 * {@code upgrade-check}, the pre-flight before the upgrade window (gaps review xliv Y2; README 升级, "Before the
 * window"): against the live database, in one read-only transaction, it lists the migrations the new release would
 * apply and counts, for each constraint validation they would run on stored rows ({@link PendingValidations}), the
 * rows that would fail it — the data that would otherwise stop {@code migrate} in the middle of the outage. Each line
 * names the migration, the table, the constraint and a count, with the table's estimated size (the validation is one
 * scan of it), never a row's content: the rows hold personal data. Exit code 0 when nothing would fail, 1 when a
 * validation would refuse rows or could not be counted before its migration (a column a pending script adds, say).
 *
 * <p>It is Flyway's migration strategy in the small context of {@link UpgradeCheckApplication}, so that Flyway is
 * configured exactly as {@code migrate} configures it (locations, table, owner) while nothing of the platform starts:
 * no seeding, no job, nothing written. Java migrations are not beans there and are not listed (one exists, V73, the
 * identity documents' index qualification, long applied).
 */
class UpgradeCheckCommand implements FlywayMigrationStrategy, ExitCodeGenerator {

    private static final String NAME = "upgrade-check";

    private final PrintStream out;
    private int exitCode;

    UpgradeCheckCommand() {
        this(System.out);
    }

    UpgradeCheckCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public void migrate(Flyway flyway) {
        MigrationInfo current = flyway.info().current();
        MigrationInfo[] pending = flyway.info().pending();
        out.printf("%s: schema version %s; %d pending migration%s%s%n", NAME,
                current == null ? "empty" : current.getVersion(), pending.length, pending.length == 1 ? "" : "s",
                pending.length == 0 ? "" : ": " + Arrays.stream(pending)
                        .map(p -> String.valueOf(p.getVersion())).collect(Collectors.joining(", ")));
        if (pending.length == 0) {
            out.printf("%s: nothing to apply, nothing would fail%n", NAME);
            return;
        }
        PendingValidations validations = new PendingValidations();
        List<Validation> found = new ArrayList<>();
        for (MigrationInfo migration : pending) {
            String sql = script(flyway, migration);
            if (sql == null) {
                out.printf("%s: V%s %s: not a script of this jar's locations, not read%n", NAME,
                        migration.getVersion(), migration.getScript());
                continue;
            }
            if (PendingValidations.refusesByItself(sql)) {
                out.printf("%s: V%s refuses rows by a check of its own (RAISE EXCEPTION), not counted: read the "
                        + "script's comment and run its query by hand%n", NAME, migration.getVersion());
            }
            found.addAll(validations.read("V" + migration.getVersion(), sql));
        }
        int failing = 0;
        try (Connection connection = flyway.getConfiguration().getDataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                // Read-only: the check changes nothing, whatever a condition holds. A count scans a whole table:
                // the pool's statement timeout is lifted for this transaction only.
                statement.execute("SET TRANSACTION READ ONLY");
                statement.execute("SET LOCAL statement_timeout = 0");
            }
            for (Validation validation : found) {
                if (!count(connection, validation)) {
                    failing++;
                }
            }
            connection.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException("upgrade-check could not read the database: " + e.getMessage(), e);
        }
        out.printf("%s: %d validation%s counted, %d would refuse rows or could not be counted%s%n", NAME,
                found.size(), found.size() == 1 ? "" : "s", failing,
                failing == 0 ? "" : ": correct the rows as their owner before the window (README 升级)");
        exitCode = failing == 0 ? 0 : 1;
    }

    /** Prints one validation's count; true when no row would fail it. A failed count is undone to its savepoint. */
    private boolean count(Connection connection, Validation validation) throws SQLException {
        String at = "%s: %s %s %s".formatted(NAME, validation.script(), validation.table(), validation.constraint());
        Savepoint savepoint = connection.setSavepoint();
        try {
            Condition condition = validation.condition() != null ? validation.condition()
                    : stored(connection, validation);
            if (condition == null) {
                out.printf("%s: not counted (no such CHECK or FOREIGN KEY constraint before the migration)%n", at);
                return false;
            }
            long rows = single(connection, countSql(connection, validation.table(), condition));
            long size = single(connection, "SELECT greatest(reltuples, 0)::bigint FROM pg_class WHERE oid = '"
                    + validation.table() + "'::regclass");
            out.printf("%s (%s): %s (one scan of ~%,d rows)%n", at, condition instanceof Check ? "CHECK"
                    : "FOREIGN KEY", rows == 0 ? "no row would fail" : rows + " row" + (rows == 1 ? "" : "s")
                    + " would fail", size);
            connection.releaseSavepoint(savepoint);
            return rows == 0;
        } catch (SQLException e) {
            connection.rollback(savepoint);
            // The server's message names relations and columns, never a row's values (no constraint ran).
            out.printf("%s: not counted (%s: %s): check it by hand before the window%n", at, e.getSQLState(),
                    e.getMessage().lines().findFirst().orElse(""));
            return false;
        }
    }

    /** The condition of a constraint already in the database, as {@code pg_constraint} defines it. */
    private static Condition stored(Connection connection, Validation validation) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_get_constraintdef(oid) "
                + "FROM pg_constraint WHERE conrelid = ?::regclass AND conname = ?")) {
            statement.setString(1, validation.table());
            statement.setString(2, validation.constraint());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? PendingValidations.condition(rows.getString(1)) : null;
            }
        }
    }

    /** The count of a table's rows that fail the condition. */
    private static String countSql(Connection connection, String table, Condition condition) throws SQLException {
        if (condition instanceof Check check) {
            return "SELECT count(*) FROM " + table + " WHERE NOT (" + check.expression() + ")";
        }
        ForeignKey key = (ForeignKey) condition;
        List<String> referenced = key.referencedColumns().isEmpty() ? primaryKey(connection, key.referenced())
                : key.referencedColumns();
        String present = key.columns().stream().map(c -> "t." + c + " IS NOT NULL")
                .collect(Collectors.joining(" AND "));
        String matches = IntStream.range(0, key.columns().size())
                .mapToObj(i -> "r." + referenced.get(i) + " = t." + key.columns().get(i))
                .collect(Collectors.joining(" AND "));
        return "SELECT count(*) FROM " + table + " t WHERE " + present + " AND NOT EXISTS (SELECT 1 FROM "
                + key.referenced() + " r WHERE " + matches + ")";
    }

    private static List<String> primaryKey(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT a.attname FROM pg_index i "
                + "CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, n) "
                + "JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum "
                + "WHERE i.indrelid = ?::regclass AND i.indisprimary ORDER BY k.n")) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
        }
        return columns;
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The pending script's text from the first classpath location holding it; null for a Java migration. */
    private static String script(Flyway flyway, MigrationInfo migration) {
        if (migration.getScript() == null || !migration.getScript().endsWith(".sql")) {
            return null;
        }
        for (Location location : flyway.getConfiguration().getLocations()) {
            ClassPathResource resource = new ClassPathResource(location.getRootPath() + "/" + migration.getScript());
            if (location.isClassPath() && resource.exists()) {
                try {
                    return resource.getContentAsString(StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return null;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
