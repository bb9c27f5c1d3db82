package cn.chengxin.exchange.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One change, as platforms exchange it (formats {@link ExchangeFormats}, docs/exchange-format.md): the issuing platform's
 * own id of the thing that changed and its version there, what it is about, whom (by identity document) and its
 * state. Platforms apply messages by (source platform, source id, version): a version older than the one held is
 * ignored, whatever the arrival order.
 *
 * @param sourceId  the issuing platform's stable id, {@code record/<uuid>} or {@code list/<uuid>}
 * @param version   increases with every change of the same source id on its issuing platform
 * @param item      catalogue item code (records); for a list entry, the item of the record it rests on, if any
 * @param listType  RED, GREY or BLACK (list entries)
 * @param severity  MINOR, GENERAL or SERIOUS (negative records), else null
 * @param status    a record's state (ACTIVE, IN_DISPUTE, CORRECTED, REVOKED, REPAIRED, EXPIRED, ARCHIVED) or an
 *                  entry's (EFFECTIVE, EXITED)
 * @param proceedings the administrative review or lawsuit (ADMINISTRATIVE_REVIEW, LAWSUIT; RULES.md §5) pending
 *                  against a record's decision or against a list entry's listing decision, shown with it like the
 *                  dispute mark (the member {@link ExchangeFormats#V2} adds); null when none, so that it is left out of the message and a message without one
 *                  reads exactly as before the field was added
 * @param legacySourceId the id under which the platform this one replaced sent the same record (gaps review xliii X3;
 *                  the member {@link ExchangeFormats#V3} adds): a record a city's back-load stored names the old
 *                  platform's id of it, so that the receiver holding that record under the id applies the change to it
 *                  instead of keeping a second copy; null (left out) for every other message
 */
public record ExchangeMessage(String sourcePlatform, String sourceId, long version, MessageKind kind,
                              Instant occurredAt, Subject subject, String item, String listType, String severity,
                              Period period, String status, boolean disputed, String department,
                              String decisionNumber, String legalBasis, String issuingPlatformName,
                              List<String> proceedings, String legacySourceId) {

    static final Pattern PLATFORM_CODE = Pattern.compile("[0-9A-Z]{2,12}");
    private static final Pattern SOURCE_ID = Pattern.compile("(record|list)/[0-9a-zA-Z-]{1,64}");
    private static final Pattern CODE = Pattern.compile("[A-Z0-9_]{1,64}");
    static final Set<String> RECORD_STATUSES = Set.of("ACTIVE", "IN_DISPUTE", "CORRECTED", "REVOKED", "REPAIRED",
            "EXPIRED", "ARCHIVED");
    static final Set<String> ENTRY_STATUSES = Set.of("EFFECTIVE", "EXITED");
    private static final Set<String> LIST_TYPES = Set.of("RED", "GREY", "BLACK");
    private static final Set<String> SEVERITIES = Set.of("MINOR", "GENERAL", "SERIOUS");
    static final Set<String> PROCEEDINGS = Set.of("ADMINISTRATIVE_REVIEW", "LAWSUIT");

    public ExchangeMessage {
        // None is written as no field: an empty list would make the same state read as a different message.
        proceedings = proceedings == null || proceedings.isEmpty() ? null
                : Collections.unmodifiableList(new ArrayList<>(proceedings));
    }

    /** A message naming no old platform's id: every message but a back-loaded record's. */
    public ExchangeMessage(String sourcePlatform, String sourceId, long version, MessageKind kind, Instant occurredAt,
                           Subject subject, String item, String listType, String severity, Period period,
                           String status, boolean disputed, String department, String decisionNumber,
                           String legalBasis, String issuingPlatformName, List<String> proceedings) {
        this(sourcePlatform, sourceId, version, kind, occurredAt, subject, item, listType, severity, period, status,
                disputed, department, decisionNumber, legalBasis, issuingPlatformName, proceedings, null);
    }

    /** Whom a message is about: the document type and number (normalised), and the name. */
    public record Subject(String documentType, String number, String name) {
    }

    /** The publication period: from the decision date to the last day shown (null: long-term or unknown). */
    public record Period(LocalDate start, LocalDate end) {
    }

    /** The same message with another subject number: filled in when sent, left out while it waits in an outbox. */
    public ExchangeMessage withSubjectNumber(String number) {
        return new ExchangeMessage(sourcePlatform, sourceId, version, kind, occurredAt,
                new Subject(subject.documentType(), number, subject.name()), item, listType, severity, period, status,
                disputed, department, decisionNumber, legalBasis, issuingPlatformName, proceedings, legacySourceId);
    }

    /** The same message without the old platform's id: for a partner that reads no format carrying it. */
    public ExchangeMessage withoutLegacySourceId() {
        return legacySourceId == null ? this : new ExchangeMessage(sourcePlatform, sourceId, version, kind, occurredAt,
                subject, item, listType, severity, period, status, disputed, department, decisionNumber, legalBasis,
                issuingPlatformName, proceedings, null);
    }

    /** Whether the message says the thing is in force: a shown record or an effective list entry. */
    public boolean inForce() {
        return kind == MessageKind.LIST_ENTRY ? "EFFECTIVE".equals(status)
                : "ACTIVE".equals(status) || "IN_DISPUTE".equals(status);
    }

    /**
     * What is wrong with a received message, each reason naming the field (oversized, missing or out of its
     * vocabulary); empty when it may be applied. Types are checked by the parser before.
     */
    public List<String> problems() {
        return problems(false);
    }

    /**
     * The same, for a message whose subject the receiver does not know yet and registers because it relays the
     * message on ({@code registersSubject}): that takes a name, for the register is checked against it (RULES.md §1;
     * gaps review xxvii I9). A subject registered so is named provisionally, until the receiver's own departments or
     * the person give the name; an empty one would be nobody's name.
     */
    public List<String> problems(boolean registersSubject) {
        List<String> problems = new ArrayList<>();
        if (sourcePlatform == null || !PLATFORM_CODE.matcher(sourcePlatform).matches()) {
            problems.add("sourcePlatform: 2–12 digits or capital letters");
        }
        if (sourceId == null || !SOURCE_ID.matcher(sourceId).matches()) {
            problems.add("sourceId: record/<id> or list/<id>, at most 64 characters of id");
        }
        if (version < 1) {
            problems.add("version: a positive integer");
        }
        if (kind == null) {
            problems.add("kind: RECORD or LIST_ENTRY");
        }
        if (occurredAt == null) {
            problems.add("occurredAt: required");
        }
        if (subject == null || subject.documentType() == null || !CODE.matcher(subject.documentType()).matches()
                || subject.number() == null || subject.number().isBlank() || subject.number().length() > 40) {
            problems.add("subject: documentType and number (at most 40 characters) required");
        } else if (subject.name() != null && subject.name().length() > 100) {
            problems.add("subject.name: at most 100 characters");
        } else if (registersSubject && (subject.name() == null || subject.name().isBlank())) {
            problems.add("subject.name: required for a subject the receiver does not know yet (it registers the "
                    + "subjects it relays)");
        }
        if (kind == MessageKind.RECORD && (item == null || !CODE.matcher(item).matches())) {
            problems.add("item: a catalogue item code");
        }
        if (kind == MessageKind.LIST_ENTRY && item != null && !CODE.matcher(item).matches()) {
            problems.add("item: the catalogue item code of the record the entry rests on, or none");
        }
        if (kind == MessageKind.LIST_ENTRY && (listType == null || !LIST_TYPES.contains(listType))) {
            problems.add("listType: RED, GREY or BLACK");
        }
        if (severity != null && !SEVERITIES.contains(severity)) {
            problems.add("severity: MINOR, GENERAL or SERIOUS");
        }
        if (status == null || !(kind == MessageKind.LIST_ENTRY ? ENTRY_STATUSES : RECORD_STATUSES).contains(status)) {
            problems.add("status: not a state of a " + (kind == MessageKind.LIST_ENTRY ? "list entry" : "record"));
        }
        if (period != null && period.start() != null && period.end() != null && period.end().isBefore(period.start())) {
            problems.add("period: end before start");
        }
        if (proceedings != null && (proceedings.stream().anyMatch(p -> p == null || !PROCEEDINGS.contains(p))
                || proceedings.stream().distinct().count() != proceedings.size())) {
            problems.add("proceedings: each of ADMINISTRATIVE_REVIEW or LAWSUIT at most once");
        }
        limit(problems, "department", department, 64);
        limit(problems, "decisionNumber", decisionNumber, 100);
        limit(problems, "legalBasis", legalBasis, 500);
        limit(problems, "issuingPlatformName", issuingPlatformName, 100);
        if (legacySourceId != null && (kind != MessageKind.RECORD || legacySourceId.isBlank())) {
            problems.add("legacySourceId: a record's old id, not empty");
        }
        limit(problems, "legacySourceId", legacySourceId, 100);
        return problems;
    }

    private static void limit(List<String> problems, String field, String value, int max) {
        if (value != null && value.length() > max) {
            problems.add(field + ": at most " + max + " characters");
        }
    }
}
