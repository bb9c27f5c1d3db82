package cn.chengxin.inquiry.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A consent the older platform recorded, carried over at the move (gaps review xliii X6 b; PIPL Art. 15: a consent
 * stands until withdrawn): the person, the institution by its unified social credit code, the purpose, when it was
 * granted and when it ends, and its terms: for one query only (一次性授权) or many, and given by a guardian for a minor
 * or a person without full capacity (监护人代为授权, RULES.md §6) — the guardian's name and relation. Stored as if granted
 * then ({@code granted_via} migration), so that the institution's next query is not held up by a consent to be given
 * again, and used as one granted here: a single-use one answers one query.
 *
 * <p>A row is refused when it cannot stand here: a day or instant not read, an end not after the grant, a grant after
 * the import, or an end already past (an expired consent allows nothing; importing it would only show the person a
 * consent they cannot use); a use not read; a guardian's name without a relation or the reverse, a relation not known, a
 * name holding digits (a name, never a number: identity numbers are not kept in clear, RULES.md §10). The person's
 * number and the institution are checked against the register by the caller, and so is a child's consent given
 * without a guardian.
 *
 * @param identityNumber   the person's resident identity number as exported: never printed ({@link #toString})
 * @param guardianName     the guardian who consented for the person; null when the person did
 * @param guardianRelation the guardian's relation to the person; null when the person consented
 */
public record MigratedConsent(String identityNumber, String creditCode, Purpose purpose, Instant grantedAt,
                              Instant expiresAt, boolean singleUse, String guardianName,
                              GuardianRelation guardianRelation) {

    /**
     * The CSV the old system exports, in this order (a header line first). The last three, the consent's terms, may be
     * left out of the header together or from its end (an export of session xliv's five columns still reads: many
     * uses, the person's own consent); an empty value means the same.
     */
    public static final List<String> COLUMNS = List.of("identity_number", "institution_credit_code", "purpose",
            "granted_at", "expires_at", "single_use", "guardian_name", "guardian_relation");

    /** How many of the {@link #COLUMNS} a header names at least. */
    public static final int REQUIRED_COLUMNS = 5;

    private static final int GUARDIAN_NAME_LENGTH = 50;

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Override
    public String toString() {
        return "MigratedConsent[" + creditCode + ", " + purpose + ", " + grantedAt + " to " + expiresAt
                + (singleUse ? ", single use" : "") + (byGuardian() ? ", by a guardian (" + guardianRelation + ")" : "")
                + "]";
    }

    /** Whether the person consented through a guardian. */
    public boolean byGuardian() {
        return guardianName != null;
    }

    /**
     * One row of the export, checked, its fields as many as the {@link #COLUMNS}. {@code granted_at} and
     * {@code expires_at}: an instant with its offset ({@code 2026-05-01T09:30:00+08:00}), a Beijing time
     * ({@code 2026-05-01T09:30:00} or with a space), or a day: a grant from the day's start, an end through that day. The
     * purpose by its code ({@code LENDING}) or its label ({@code 信贷审批}). {@code single_use} {@code true}/{@code 是}/
     * {@code 1} or {@code false}/{@code 否}/{@code 0} (empty: many uses); {@code guardian_relation} by its code
     * ({@code PARENT}) or its label ({@code 父母}).
     */
    public static Row row(long line, List<String> fields, Instant now) {
        if (fields.size() != COLUMNS.size()) {
            return Row.refused(line, "expected " + COLUMNS.size() + " columns (" + String.join(",", COLUMNS)
                    + "), found " + fields.size());
        }
        String number = fields.get(0).strip();
        if (number.isEmpty()) {
            return Row.refused(line, "identity_number: empty");
        }
        String creditCode = fields.get(1).strip().toUpperCase(Locale.ROOT);
        if (creditCode.isEmpty()) {
            return Row.refused(line, "institution_credit_code: empty");
        }
        Purpose purpose = purpose(fields.get(2));
        if (purpose == null) {
            return Row.refused(line, "purpose: not one of this platform's purposes");
        }
        Instant granted = instant(fields.get(3), false);
        if (granted == null) {
            return Row.refused(line, "granted_at: not a time or day");
        }
        Instant expires = instant(fields.get(4), true);
        if (expires == null) {
            return Row.refused(line, "expires_at: not a time or day");
        }
        if (granted.isAfter(now)) {
            return Row.refused(line, "granted_at: after the import");
        }
        if (!expires.isAfter(granted)) {
            return Row.refused(line, "expires_at: not after granted_at");
        }
        if (!expires.isAfter(now)) {
            return Row.refused(line, "expires_at: expired before the import");
        }
        Boolean singleUse = singleUse(fields.get(5));
        if (singleUse == null) {
            return Row.refused(line, "single_use: not true or false (是/否)");
        }
        String guardian = fields.get(6).strip();
        String relationText = fields.get(7).strip();
        if (guardian.isEmpty() != relationText.isEmpty()) {
            return Row.refused(line, guardian.isEmpty() ? "guardian_name: empty while guardian_relation is given"
                    : "guardian_relation: empty while guardian_name is given");
        }
        GuardianRelation relation = null;
        if (!guardian.isEmpty()) {
            if (guardian.length() > GUARDIAN_NAME_LENGTH || guardian.chars().anyMatch(Character::isDigit)) {
                return Row.refused(line, "guardian_name: not a name (digits, or over " + GUARDIAN_NAME_LENGTH
                        + " characters)");
            }
            relation = GuardianRelation.parse(relationText);
            if (relation == null) {
                return Row.refused(line, "guardian_relation: not one of " + Arrays.toString(
                        GuardianRelation.values()));
            }
        }
        return new Row(new MigratedConsent(number, creditCode, purpose, granted, expires, singleUse,
                guardian.isEmpty() ? null : guardian, relation), null);
    }

    private static Boolean singleUse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "", "false", "否", "0" -> false;
            case "true", "是", "1" -> true;
            default -> null;
        };
    }

    private static Purpose purpose(String text) {
        String typed = text.strip();
        for (Purpose p : Purpose.values()) {
            if (p.name().equalsIgnoreCase(typed) || p.label().equals(typed)) {
                return p;
            }
        }
        return null;
    }

    private static Instant instant(String text, boolean end) {
        String typed = text.strip().replace(' ', 'T');
        try {
            if (typed.length() == 10) {
                LocalDate day = LocalDate.parse(typed);
                return (end ? day.plusDays(1) : day).atStartOfDay(CHINA).toInstant();
            }
            if (typed.endsWith("Z") || typed.lastIndexOf('+') > 0 || typed.lastIndexOf('-') > 10) {
                return OffsetDateTime.parse(typed).toInstant();
            }
            return LocalDateTime.parse(typed).atZone(CHINA).toInstant();
        } catch (DateTimeParseException unread) {
            return null;
        }
    }

    /** A row checked: its consent, or its refusal. */
    public record Row(MigratedConsent consent, RowRefusal refusal) {

        static Row refused(long line, String reason) {
            return new Row(null, new RowRefusal(line, reason));
        }
    }
}
