package cn.chengxin.exchange.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Well-formed messages and batches for the exchange's tests. */
public final class Messages {

    private Messages() {
    }

    /** A black-list entry issued by {@code platform} about the person with {@code number}, naming no record. */
    public static ExchangeMessage blackListEntry(String platform, String sourceId, long version, String status,
                                                 String number, String name) {
        return blackListEntry(platform, sourceId, version, status, number, name, null);
    }

    /** The same, resting on a record of {@code item}. */
    public static ExchangeMessage blackListEntry(String platform, String sourceId, long version, String status,
                                                 String number, String name, String item) {
        return blackListEntry(platform, sourceId, version, status, number, name, item, "COURT",
                "《最高人民法院关于公布失信被执行人名单信息的若干规定》第一条");
    }

    /** The same, issued by {@code department} on {@code legalBasis}. */
    public static ExchangeMessage blackListEntry(String platform, String sourceId, long version, String status,
                                                 String number, String name, String item, String department,
                                                 String legalBasis) {
        return new ExchangeMessage(platform, sourceId, version, MessageKind.LIST_ENTRY, Instant.now(),
                new ExchangeMessage.Subject("RESIDENT_ID", number, name), item, "BLACK", null,
                new ExchangeMessage.Period(LocalDate.now().minusDays(10), LocalDate.now().plusYears(2)), status,
                false, department, null, legalBasis, "信用" + platform, null);
    }

    /**
     * A black-list entry naming no record, with the kinds of proceeding pending against the listing decision
     * ({@code proceedings}; null: none).
     */
    public static ExchangeMessage contestedBlackListEntry(String platform, String sourceId, long version,
                                                          String number, String name, List<String> proceedings) {
        ExchangeMessage m = blackListEntry(platform, sourceId, version, "EFFECTIVE", number, name);
        return new ExchangeMessage(m.sourcePlatform(), m.sourceId(), m.version(), m.kind(), m.occurredAt(), m.subject(),
                m.item(), m.listType(), m.severity(), m.period(), m.status(), m.disputed(), m.department(),
                m.decisionNumber(), m.legalBasis(), m.issuingPlatformName(), proceedings);
    }

    /**
     * A general penalty issued by {@code platform} about the person with {@code number}, with the kinds of proceeding
     * pending against its decision ({@code proceedings}; null: none).
     */
    public static ExchangeMessage penalty(String platform, String sourceId, long version, String number,
                                          List<String> proceedings) {
        return new ExchangeMessage(platform, sourceId, version, MessageKind.RECORD, Instant.now(),
                new ExchangeMessage.Subject("RESIDENT_ID", number, "张三"), "P_ADMIN_PENALTY_GENERAL", null, "GENERAL",
                new ExchangeMessage.Period(LocalDate.now().minusDays(10), LocalDate.now().plusYears(1)), "ACTIVE",
                false, "MARKET", "驻市监罚〔2026〕1号", "《中华人民共和国行政处罚法》", "信用" + platform, proceedings);
    }

    public static Batch batch(String from, String to, Instant at, ExchangeMessage... messages) {
        return new Batch(ExchangeFormats.V1, UUID.randomUUID(), from, to, at, null, List.of(messages));
    }
}
