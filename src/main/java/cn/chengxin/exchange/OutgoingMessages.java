package cn.chengxin.exchange;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.chengxin.catalog.domain.ItemDefinition;
import cn.chengxin.creditfile.FileEntry;
import cn.chengxin.creditfile.RecordProceeding;
import cn.chengxin.creditfile.RecordStatus;
import cn.chengxin.exchange.domain.ExchangeMessage;
import cn.chengxin.exchange.domain.MessageKind;
import cn.chengxin.listing.EntryStatus;
import cn.chengxin.listing.ListEntry;
import cn.chengxin.subject.domain.DocumentType;
import org.springframework.stereotype.Component;

/**
 * The messages this platform issues about its own records and list entries, as the outbox keeps them: the subject
 * named by document type and name, the number left out (it is read from the subject register when a batch is
 * signed).
 */
@Component
class OutgoingMessages {

    private final ExchangeSettings settings;
    private final Clock clock;

    OutgoingMessages(ExchangeSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    static ExchangeMessage.Subject subject(DocumentType documentType, String name) {
        return new ExchangeMessage.Subject(documentType.name(), null, name);
    }

    /**
     * {@code proceedings}: the administrative reviews and lawsuits pending against the record's decision, sent with it
     * as its dispute mark is (RULES.md §5: both show wherever the record shows). {@code legacySourceId}: the old
     * platform's id of a record a city's back-load stored ({@link cn.chengxin.creditfile.LegacySourceIds}), null for
     * any other: the parent holding the record under it updates that copy (gaps review xliii X3).
     */
    ExchangeMessage record(FileEntry e, ItemDefinition item, ExchangeMessage.Subject subject,
                           List<RecordProceeding> proceedings, String legacySourceId, long version, Instant now) {
        return new ExchangeMessage(settings.platform().code(), "record/" + e.recordKey(), version,
                MessageKind.RECORD, now, subject, e.itemCode(), null,
                item.severity() == null ? null : item.severity().name(),
                new ExchangeMessage.Period(e.decisionDate(), e.publicationEnd()), e.status().name(),
                e.status() == RecordStatus.IN_DISPUTE, e.departmentCode(), e.decisionNumber(),
                cut(item.legalBasis(), 500), settings.platform().name(),
                proceedings.stream().map(p -> p.kind().name()).distinct().sorted().toList(), legacySourceId);
    }

    /**
     * {@code item}: the catalogue item of the record the entry rests on (null for a department's proposal), by which
     * the receiving platform tells which of its rules, and so which measures, the entry answers to (RULES.md §7, §11).
     * The entry's change number is its version: the listing feed is re-read while it waits at a gap, and a change
     * read again must be the same message (the outbox keeps one per version). The administrative review or lawsuit
     * pending against the listing decision goes with it as a record's does (RULES.md §5: the flag shows wherever the
     * entry shows, on every platform that holds it); flagging or clearing one gives the entry a new change number, so
     * it is sent again with the flags it now has.
     */
    ExchangeMessage entry(ListEntry e, String item, ExchangeMessage.Subject subject, Instant now) {
        return new ExchangeMessage(settings.platform().code(), sourceIdOf(e), e.changeSeq(), MessageKind.LIST_ENTRY,
                now, subject, item, e.listType().name(), null,
                new ExchangeMessage.Period(e.effectiveFrom() == null ? null
                        : LocalDate.ofInstant(e.effectiveFrom(), clock.getZone()), e.validUntil()),
                e.status() == EntryStatus.EFFECTIVE ? "EFFECTIVE" : "EXITED", e.disputed(), e.departmentCode(), null,
                cut(e.legalBasis(), 500), settings.platform().name(),
                e.proceedings().stream().distinct().sorted().toList());
    }

    static String sourceIdOf(ListEntry e) {
        return "list/" + e.id();
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
