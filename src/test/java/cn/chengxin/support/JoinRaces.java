package cn.chengxin.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import cn.chengxin.subject.SubjectJoining;
import cn.chengxin.subject.SubjectRegistry;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A join of a person's two files (合并信用档案) raced against a writer that found the joined subject before its
 * transaction: the person registered twice, the join proposed, approved, and the steps ordered with the database's own
 * locks, watched in {@code pg_stat_activity}.
 */
public final class JoinRaces {

    private JoinRaces() {
    }

    /** One person registered twice, under two numbers: the subject kept and the one joined into it. */
    public record Pair(UUID kept, UUID joined, String joinedNumber, String name) {
    }

    /** One person registered twice, under two numbers, with the same name and birth date. */
    public static Pair pair(SubjectRegistry subjects, String name, LocalDate born) {
        TestCitizens.Person kept = TestCitizens.register(subjects, name, born);
        TestCitizens.Person joined = TestCitizens.register(subjects, name, born);
        return new Pair(idOf(subjects, kept.number()), idOf(subjects, joined.number()), joined.number(), name);
    }

    private static UUID idOf(SubjectRegistry subjects, String number) {
        return subjects.find(subjects.validate(null, number)).orElseThrow();
    }

    /**
     * An administrative penalty decided on {@code decided} about the joined subject, by its number, delivered by the
     * market regulator as {@link TestRecords#penalty} delivers one: a record the join moves to the kept file.
     */
    public static void penaltyOfJoined(org.springframework.test.web.servlet.MockMvc mvc,
                                       cn.chengxin.account.ApiClients apiClients,
                                       cn.chengxin.account.StaffDirectory directory, Pair pair, String decisionNumber,
                                       LocalDate decided) throws Exception {
        TestRecords.deliver(mvc, apiClients, directory, new TestRecords.Penalty(pair.joinedNumber(), pair.name(),
                "P_ADMIN_PENALTY_GENERAL", "JR-" + UUID.randomUUID(), "1", "ADD", decisionNumber, "无照经营"), decided);
    }

    /** The join of the pair proposed by one staff member. */
    public static UUID proposed(SubjectJoining joining, Pair pair) throws Exception {
        return AsStaff.as("race-maker", () -> joining.propose(pair.kept(), null, pair.joinedNumber(),
                "户籍档案核查记录", "同一人先后以两个号码登记"));
    }

    /** Approved by another; in the caller's transaction, if any, which then holds the joins' lock until it ends. */
    public static void approve(SubjectJoining joining, UUID proposal) {
        try {
            AsStaff.as("race-checker", () -> {
                joining.approve(proposal, "核验无误");
                return null;
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What a writer did while a join was approved: whether it waited for the approval (for the joins' lock, which the
     * approval holds exclusively), and what it came to once the approval committed.
     */
    public record Raced<T>(boolean waited, CompletableFuture<T> result) {

        /** The writer's answer, at most 60 s after the approval committed; its refusal is thrown as it was. */
        public T answer() throws Exception {
            try {
                return result.get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
    }

    /**
     * Runs {@code write}, a writer that finds the joined subject before it writes under it, on a thread of its own while
     * the proposal's approval is made and held uncommitted, then commits the approval once the writer waits for it, or
     * has ended (as a writer that does not hold joins off does at once, under the joined id as it still saw it).
     */
    public static <T> Raced<T> duringApproval(PlatformTransactionManager transactions, DataSource dataSource,
                                              SubjectJoining joining, UUID proposal, Callable<T> write) {
        return new TransactionTemplate(transactions).execute(tx -> {
            approve(joining, proposal);
            CompletableFuture<T> running = CompletableFuture.supplyAsync(() -> {
                try {
                    return write.call();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            });
            until(() -> running.isDone() || waiting(dataSource, "%subject.joins%"));
            return new Raced<>(!running.isDone(), running);
        });
    }

    /**
     * Whether a session waits for an advisory lock in a statement like {@code like}: read on a connection of its own,
     * outside the test's transaction, whose view of {@code pg_stat_activity} would stay as first read.
     */
    public static boolean waiting(DataSource dataSource, String like) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     SELECT EXISTS (SELECT 1 FROM pg_stat_activity
                                     WHERE wait_event_type = 'Lock' AND wait_event = 'advisory' AND query LIKE ?)""")) {
            s.setString(1, like);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits, at most 30 s, for {@code condition}; then goes on all the same (the assertions tell what happened).
     *
     * @return whether the condition came
     */
    public static boolean until(BooleanSupplier condition) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() >= end) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
