package cn.chengxin.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * N10 (gaps review xxxiii): every migration follows the README's rule for the largest tables ({@link MigrationRule}),
 * but the released ones that did not, named here once and for good: a migration after V344 that breaks it fails the
 * build, so an upgrade never again locks the audit log or the checks for a whole scan while the platform waits.
 */
class MigrationRuleTests {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    /** The last migration released before the rule (session xxxiii). */
    private static final int LAST_BEFORE_THE_RULE = 344;

    /** Released migrations that break the rule (run long ago on every database; never edited): file names. */
    private static final Set<String> RELEASED_BEFORE_THE_RULE = Set.of(
            "V40__audit_event_time_brin.sql", "V297__audit_query_review.sql",
            "V24_1__record_by_decision_number.sql", "V34__record_facts_covering_index.sql",
            "V48__retention_due_for_every_closed_record.sql", "V109__records_by_acceptance_time.sql",
            "V122__copies_by_source.sql", "V163__subjects_decline_honours.sql",
            "V131__outbox_sets_refused_messages_aside.sql", "V33_1__exchange_parent_reconciliation.sql",
            "V310__report_content_emptied.sql", "V325__report_sealed.sql",
            "V204__measures_lifted_at_exit.sql",
            // Gaps review xli V13: tables counted large since, and SET NOT NULL, ADD PRIMARY KEY seen since.
            "V19__compact_score_explanation.sql", "V35__score_history_keeps_superseded_scores.sql",
            "V39__score_history_keyed_by_subject.sql", "V41__a_score_row_per_model.sql",
            "V43__covering_indexes_for_bulk_reads.sql",
            // Gaps review xli V13 (rest): ADD COLUMN … UNIQUE seen since.
            "V251__registry_facts_from_records.sql");

    /** The last migration released before the rule saw SET NOT NULL, keys and the tables V13 added (session xli). */
    private static final int LAST_BEFORE_V13 = 581;

    /** Released after the rule, breaking only what it saw from gaps review xli V13 on (run; never edited). */
    private static final Set<String> RELEASED_BEFORE_V13 = Set.of("V356__notice_texts_outbox.sql");

    private static final Pattern VERSION = Pattern.compile("V(\\d+)(?:_\\d+)?__.*\\.sql");

    @Test
    void everyMigrationFollowsTheRuleButTheReleasedOnesNamedHere() {
        Map<String, List<String>> broken = new TreeMap<>();
        for (Path script : scripts()) {
            List<String> violations = MigrationRule.violations(read(script), config(script));
            String name = script.getFileName().toString();
            if (!violations.isEmpty() && !RELEASED_BEFORE_THE_RULE.contains(name)
                    && !RELEASED_BEFORE_V13.contains(name)) {
                broken.put(MIGRATIONS.relativize(script).toString(), violations);
            }
        }
        assertThat(broken).as("migrations that lock a large table for a scan (README 升级, the rule)").isEmpty();
    }

    @Test
    void theReleasedExceptionsAreReleasedAndStillBreakTheRule() {
        Map<String, Path> byName = new TreeMap<>();
        scripts().forEach(s -> byName.put(s.getFileName().toString(), s));
        for (String name : union(RELEASED_BEFORE_THE_RULE, RELEASED_BEFORE_V13)) {
            Matcher version = VERSION.matcher(name);
            assertThat(version.matches()).as(name).isTrue();
            assertThat(Integer.parseInt(version.group(1))).as(name).isLessThanOrEqualTo(
                    RELEASED_BEFORE_V13.contains(name) ? LAST_BEFORE_V13 : LAST_BEFORE_THE_RULE);
            assertThat(byName).as(name).containsKey(name);
            assertThat(MigrationRule.violations(read(byName.get(name)), config(byName.get(name)))).as(name)
                    .isNotEmpty();
        }
    }

    @Test
    void refusesAPlainIndexAConstraintValidatedAtOnceAndATypeChangeOnALargeTable() {
        String sample = read(Path.of("src/test/resources/migration-rule/V999__breaks_the_rule.sql"));
        assertThat(MigrationRule.violations(sample, null)).containsExactly(
                "CREATE INDEX on audit.event without CONCURRENTLY",
                "CREATE INDEX CONCURRENTLY on measures.check_made in a script Flyway runs in a transaction "
                        + "(add its .sql.conf: executeInTransaction=false)",
                "ADD CONSTRAINT CHECK on creditfile.record without NOT VALID",
                "ADD CONSTRAINT FOREIGN KEY on inquiry.report_record without NOT VALID",
                "ALTER COLUMN TYPE on exchange.outbox");
    }

    @Test
    void acceptsTheSafeFormsAndSmallTables() {
        String safe = """
                -- CREATE INDEX on audit.event (a comment is not a statement);
                CREATE INDEX CONCURRENTLY IF NOT EXISTS event_by_actor ON audit.event (actor_id);
                ALTER TABLE creditfile.record ADD CONSTRAINT record_positive CHECK (amount > 0) NOT VALID;
                ALTER TABLE creditfile.record VALIDATE CONSTRAINT record_positive;
                CREATE INDEX partner_by_name ON exchange.partner (name);
                ALTER TABLE exchange.partner ALTER COLUMN name TYPE varchar(200);
                CREATE FUNCTION f() RETURNS void AS $body$ BEGIN CREATE INDEX x ON audit.node (seq); END $body$
                    LANGUAGE plpgsql;
                INSERT INTO audit.note VALUES ('CREATE INDEX y ON audit.event (at);');
                """;
        assertThat(MigrationRule.violations(safe, "executeInTransaction=false\n")).isEmpty();
        assertThat(MigrationRule.violations(
                "CREATE INDEX CONCURRENTLY e ON audit.event (at)", "executeInTransaction=true")).hasSize(1);
    }

    /** Gaps review xli V13: SET NOT NULL and a key's index built under the table's lock; their safe forms pass. */
    @Test
    void refusesSetNotNullAndAKeyBuiltInPlaceOnALargeTable() {
        assertThat(MigrationRule.violations("""
                ALTER TABLE scoring.score ALTER COLUMN grade SET NOT NULL;
                ALTER TABLE subject.person ADD CONSTRAINT person_unique UNIQUE (subject_id);
                ALTER TABLE exchange.received ADD PRIMARY KEY (id);
                ALTER TABLE account.notice ALTER sent_at SET NOT NULL, ADD UNIQUE (id);
                """, null)).containsExactly(
                "SET NOT NULL on scoring.score without a validated CHECK proving it",
                "ADD UNIQUE on subject.person without USING INDEX",
                "ADD PRIMARY KEY on exchange.received without USING INDEX",
                "SET NOT NULL on account.notice without a validated CHECK proving it",
                "ADD UNIQUE on account.notice without USING INDEX");
        assertThat(MigrationRule.violations("""
                ALTER TABLE scoring.score ALTER COLUMN grade SET NOT NULL, DROP CONSTRAINT score_grade_present;
                ALTER TABLE subject.person ADD CONSTRAINT person_unique UNIQUE USING INDEX person_unique_index;
                ALTER TABLE creditfile.record_event ADD PRIMARY KEY USING INDEX record_event_key;
                ALTER TABLE exchange.partner ALTER COLUMN name SET NOT NULL, ADD UNIQUE (name);
                """, null)).isEmpty();
    }

    /**
     * Gaps review xli V13 (rest): a validation in the transaction of its ADD holds the ADD's lock through the scan; a
     * column's own key builds its index under the table's lock; a volatile default rewrites the table. A stable
     * default, a constant, a small table and a validation of an earlier script's constraint pass.
     */
    @Test
    void refusesAValidationInTheAddsTransactionAColumnsKeyAndAVolatileDefaultOnALargeTable() {
        String validatedAtOnce = """
                ALTER TABLE creditfile.record ADD CONSTRAINT record_positive CHECK (amount > 0) NOT VALID;
                ALTER TABLE creditfile.record VALIDATE CONSTRAINT record_positive;
                """;
        assertThat(MigrationRule.violations(validatedAtOnce, null)).containsExactly(
                "VALIDATE CONSTRAINT record_positive on creditfile.record in the transaction that added it");
        // Outside a transaction each statement commits and the ADD's lock is gone before the scan (the safe forms).
        assertThat(MigrationRule.violations(validatedAtOnce, "executeInTransaction=false\n")).isEmpty();
        assertThat(MigrationRule.violations(
                "ALTER TABLE creditfile.record VALIDATE CONSTRAINT record_positive;", null)).isEmpty();

        assertThat(MigrationRule.violations("""
                ALTER TABLE subject.residency ADD COLUMN source_record uuid UNIQUE;
                ALTER TABLE exchange.outbox ADD COLUMN IF NOT EXISTS token uuid NOT NULL PRIMARY KEY;
                ALTER TABLE audit.event ADD COLUMN stamped timestamptz NOT NULL DEFAULT clock_timestamp();
                ALTER TABLE scoring.score ADD COLUMN token uuid DEFAULT gen_random_uuid(),
                    ADD sample float DEFAULT random();
                ALTER TABLE measures.check_made ADD COLUMN n bigserial;
                ALTER TABLE account.notice ADD COLUMN n bigint GENERATED ALWAYS AS IDENTITY;
                """, null)).containsExactly(
                "ADD COLUMN UNIQUE on subject.residency (builds its index under the table's lock)",
                "ADD COLUMN PRIMARY KEY on exchange.outbox (builds its index under the table's lock)",
                "ADD COLUMN with a volatile default on audit.event (rewrites the table)",
                "ADD COLUMN with a volatile default on scoring.score (rewrites the table)",
                "ADD COLUMN with a volatile default on scoring.score (rewrites the table)",
                "ADD COLUMN with a volatile default on measures.check_made (rewrites the table)",
                "ADD COLUMN with a volatile default on account.notice (rewrites the table)");
        assertThat(MigrationRule.violations("""
                ALTER TABLE audit.event ADD COLUMN noted_at timestamptz NOT NULL DEFAULT now();
                ALTER TABLE scoring.score ADD COLUMN flags text[] NOT NULL DEFAULT '{}', ADD COLUMN unique_count int;
                ALTER TABLE exchange.partner ADD COLUMN token uuid UNIQUE DEFAULT gen_random_uuid();
                """, null)).isEmpty();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private static List<Path> scripts() {
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            List<Path> scripts = new ArrayList<>(files.filter(f -> f.toString().endsWith(".sql")).sorted().toList());
            assertThat(scripts).hasSizeGreaterThan(150);
            return scripts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String config(Path script) {
        Path conf = script.resolveSibling(script.getFileName() + ".conf");
        return Files.exists(conf) ? read(conf) : null;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
