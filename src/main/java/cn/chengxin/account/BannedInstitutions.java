package cn.chengxin.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * The bans of the violation register (违规机构名单) not over yet, by the institutions they hold, as the key check and
 * the consents' use read them (gaps review xxxviii S7): a ban confirmed ahead of its first day holds the institution
 * from 00:00 of that day, Beijing time, whether or not the night's revocation ({@link BannedInstitutionKeys}) and
 * withdrawal ran. The register is small: it is read again at most once per {@code maxAge} a caller allows (the keys'
 * cache time), with the keys only when an entry is not over, and a ban is then compared by two instants, so a key's
 * check costs no query and allocates nothing for it. A confirmation here is seen at once ({@link #forget}); on the
 * other instances within that time.
 */
@Component
class BannedInstitutions {

    private static final Ban[] NONE = new Ban[0];

    private final InstitutionViolations violations;
    private final ZoneId zone;
    private volatile Snapshot snapshot;

    BannedInstitutions(InstitutionViolations violations, Clock clock) {
        this.violations = violations;
        this.zone = clock.getZone();
    }

    /** A confirmed ban's days as instants: from 00:00 of its first day to 00:00 after its last one. */
    record Ban(Instant from, Instant until, InstitutionViolation entry) {

        boolean holdsAt(Instant now) {
            return !now.isBefore(from) && now.isBefore(until);
        }
    }

    private record Snapshot(Map<UUID, Ban[]> byInstitution, Instant readAt, LocalDate day) {
    }

    /**
     * The bans not over at {@code now} that hold the institution (none: an empty array), from the register as read at
     * most {@code maxAge} before {@code now}.
     */
    Ban[] of(UUID institutionId, Instant now, Duration maxAge) {
        Snapshot read = snapshot;
        LocalDate day = LocalDate.ofInstant(now, zone);
        if (read == null || !read.readAt().plus(maxAge).isAfter(now) || read.readAt().isAfter(now)
                || !read.day().equals(day)) {
            read = new Snapshot(read(day), now, day);
            snapshot = read;
        }
        return read.byInstitution().getOrDefault(institutionId, NONE);
    }

    /** The entry of the bans that holds at {@code now}, if any (null: none); allocates nothing. */
    static InstitutionViolation holding(Ban[] bans, Instant now) {
        for (Ban ban : bans) {
            if (ban.holdsAt(now)) {
                return ban.entry();
            }
        }
        return null;
    }

    /** The entry of a ban holding the institution at {@code now} (null: none), read as {@link #of} does. */
    InstitutionViolation holding(UUID institutionId, Instant now, Duration maxAge) {
        return holding(of(institutionId, now, maxAge), now);
    }

    /** The register changed here (an entry confirmed): read it again at the next call. */
    void forget() {
        snapshot = null;
    }

    private Map<UUID, Ban[]> read(LocalDate day) {
        return violations.heldNotOver(day).entrySet().stream().collect(Collectors.toUnmodifiableMap(
                Map.Entry::getKey, held -> bans(held.getValue())));
    }

    private Ban[] bans(List<InstitutionViolation> entries) {
        return entries.stream().map(v -> new Ban(v.bannedFrom().atStartOfDay(zone).toInstant(),
                v.bannedUntil().plusDays(1).atStartOfDay(zone).toInstant(), v)).toArray(Ban[]::new);
    }
}
