package cn.chengxin.listing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** How the lists moved in a period, for the credit office's yearly progress report (RULES.md §12). Counts only. */
@Service
public class ListFigures {

    /**
     * Per list: entries that came into force in the period (by now: one still in its notice is not counted), and
     * entries in force that ended in it (exit or expiry).
     */
    public record ListMovement(ListType type, long added, long ended) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    ListFigures(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** From {@code from} to {@code to}, both included (days of the city); every list, moved or not. */
    public List<ListMovement> between(LocalDate from, LocalDate to) {
        ZoneId zone = clock.getZone();
        Timestamp since = Timestamp.from(from.atStartOfDay(zone).toInstant());
        Timestamp until = Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant());
        Timestamp now = Timestamp.from(clock.instant());
        return java.util.Arrays.stream(ListType.values()).map(type -> jdbc.sql("""
                        SELECT count(*) FILTER (WHERE effective_from >= :from AND effective_from < :until
                                                AND effective_from <= :now AND status <> 'REJECTED'),
                               count(*) FILTER (WHERE exited_at >= :from AND exited_at < :until
                                                AND effective_from <= exited_at)
                        FROM listing.entry WHERE list_type = :type
                         AND ((effective_from >= :from AND effective_from < :until)
                              OR (exited_at >= :from AND exited_at < :until))""")
                .param("from", since).param("until", until).param("now", now).param("type", type.name())
                .query((rs, n) -> new ListMovement(type, rs.getLong(1), rs.getLong(2))).single()).toList();
    }
}
