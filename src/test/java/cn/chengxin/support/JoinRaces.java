package cn.chengxin.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import cn.chengxin.subject.SubjectJoining;
import cn.chengxin.subject.SubjectRegistry;

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
