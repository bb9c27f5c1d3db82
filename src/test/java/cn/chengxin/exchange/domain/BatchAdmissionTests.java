package cn.chengxin.exchange.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BatchAdmissionTests {

    private static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");
    private static final Duration SKEW = Duration.ofMinutes(5);
    private static final String NUMBER = "11010519491231002X";

    private static Optional<String> code(Batch batch, String sender, Relation relation) {
        return code(batch, sender, relation, PlatformLevel.PROVINCE);
    }

    private static Optional<String> code(Batch batch, String sender, Relation relation, PlatformLevel level) {
        return BatchAdmission.refusal(batch, sender, "411700", relation, level, NOW, SKEW).map(Refusal::code);
    }

    private static ExchangeMessage entry(String platform) {
        return Messages.blackListEntry(platform, "list/" + UUID.randomUUID(), 1, "EFFECTIVE", NUMBER, "张三");
    }

    @Test
    void admitsAFreshWellFormedBatchAddressedToUs() {
        assertThat(code(Messages.batch("410000", "411700", NOW.minusSeconds(30), entry("410000")), "410000",
                Relation.PARENT)).isEmpty();
    }

    /** docs/exchange-format.md, Pull: an answer carries its cursor and may be empty; a pushed batch may not. */
    @Test
    void anAnswerToAPullCarriesItsCursorAndMayBeEmptyWhereAPushedBatchMayNot() {
        Batch empty = new Batch(ExchangeFormats.V1, UUID.randomUUID(), "410000", "411700", NOW, 17L, List.of());
        assertThat(answer(empty)).isEmpty();
        assertThat(code(empty, "410000", Relation.PARENT)).contains("EXCHANGE_BATCH_MALFORMED");
        Batch withoutCursor = new Batch(ExchangeFormats.V1, UUID.randomUUID(), "410000", "411700", NOW, null,
                List.of(entry("410000")));
        assertThat(answer(withoutCursor)).contains("EXCHANGE_BATCH_MALFORMED");
        Batch full = new Batch(ExchangeFormats.V1, UUID.randomUUID(), "410000", "411700", NOW, 18L,
                List.of(entry("411500")));
        assertThat(answer(full)).isEmpty();
        assertThat(answer(new Batch(ExchangeFormats.V1, UUID.randomUUID(), "410000", "411700",
                NOW.minus(Duration.ofMinutes(6)), 17L, List.of()))).contains("EXCHANGE_BATCH_STALE");
        assertThat(answer(new Batch(ExchangeFormats.V1, UUID.randomUUID(), "410000", "411000", NOW, 17L,
                List.of()))).contains("EXCHANGE_BATCH_MISADDRESSED");
    }

    private static Optional<String> answer(Batch batch) {
        return BatchAdmission.answerRefusal(batch, "410000", "411700", Relation.PARENT, PlatformLevel.PROVINCE, NOW,
                SKEW).map(Refusal::code);
    }

    @Test
    void refusesABatchOlderOrNewerThanTheSkew() {
        assertThat(code(Messages.batch("410000", "411700", NOW.minus(Duration.ofMinutes(6)), entry("410000")),
                "410000", Relation.PARENT)).contains("EXCHANGE_BATCH_STALE");
        assertThat(code(Messages.batch("410000", "411700", NOW.plus(Duration.ofMinutes(6)), entry("410000")),
                "410000", Relation.PARENT)).contains("EXCHANGE_BATCH_STALE");
    }

    @Test
    void refusesABatchFromAnotherThanItsSignerOrForAnotherPlatform() {
        assertThat(code(Messages.batch("410000", "411700", NOW, entry("410000")), "411000", Relation.CHILD))
                .contains("EXCHANGE_BATCH_MISADDRESSED");
        assertThat(code(Messages.batch("410000", "411000", NOW, entry("410000")), "410000", Relation.PARENT))
                .contains("EXCHANGE_BATCH_MISADDRESSED");
    }

    @Test
    void onlyTheParentRelaysMessagesIssuedElsewhere() {
        assertThat(code(Messages.batch("410000", "411700", NOW, entry("411000")), "410000", Relation.PARENT))
                .isEmpty();
        assertThat(code(Messages.batch("411000", "411700", NOW, entry("411300")), "411000", Relation.PEER))
                .contains("EXCHANGE_RELAY_REFUSED");
    }

    /** RULES.md §11: a province relays its cities' entries up to the nation, and only theirs. */
    @Test
    void aChildRelaysWhatThePlatformsBelowItIssuedAndNothingElse() {
        assertThat(code(Messages.batch("410000", "411700", NOW, entry("411500"), entry("411502")), "410000",
                Relation.CHILD, PlatformLevel.PROVINCE)).isEmpty();
        assertThat(code(Messages.batch("411500", "411700", NOW, entry("411502")), "411500", Relation.CHILD,
                PlatformLevel.CITY)).isEmpty();
        assertThat(code(Messages.batch("410000", "411700", NOW, entry("420100")), "410000", Relation.CHILD,
                PlatformLevel.PROVINCE)).as("another province's city").contains("EXCHANGE_RELAY_REFUSED");
        assertThat(code(Messages.batch("411500", "411700", NOW, entry("411300")), "411500", Relation.CHILD,
                PlatformLevel.CITY)).as("a sibling city").contains("EXCHANGE_RELAY_REFUSED");
        assertThat(code(Messages.batch("410000", "411700", NOW, entry("ZX4100")), "410000", Relation.CHILD,
                PlatformLevel.PROVINCE)).as("not a region code").contains("EXCHANGE_RELAY_REFUSED");
    }

    @Test
    void oneBadMessageRefusesTheWholeBatchWithItsIndexAndField() {
        ExchangeMessage good = entry("410000");
        ExchangeMessage oversized = new ExchangeMessage("410000", "list/x1", 2, MessageKind.LIST_ENTRY, NOW,
                new ExchangeMessage.Subject("RESIDENT_ID", NUMBER, "张三"), null, "BLACK", null, null, "EFFECTIVE",
                false, "COURT", null, "法".repeat(501), "信用河南", null);
        Optional<Refusal> refusal = BatchAdmission.refusal(Messages.batch("410000", "411700", NOW, good, oversized),
                "410000", "411700", Relation.PARENT, PlatformLevel.PROVINCE, NOW, SKEW);
        assertThat(refusal).map(Refusal::code).contains("EXCHANGE_MESSAGE_INVALID");
        assertThat(refusal.orElseThrow().reason()).startsWith("messages[1]").contains("legalBasis");
    }

    /** Over Kafka the batch is checked as a batch and each message on its own: a bad message names only itself. */
    @Test
    void theBatchAsSuchAndEachMessageAreCheckedApartForKafka() {
        ExchangeMessage good = entry("410000");
        ExchangeMessage elsewhere = entry("320000");
        Batch batch = Messages.batch("410000", "411700", NOW, good, elsewhere);
        assertThat(BatchAdmission.batchRefusal(batch, "410000", "411700", NOW, SKEW)).isEmpty();
        assertThat(BatchAdmission.messageRefusal(good, 0, "410000", Relation.PEER, PlatformLevel.PROVINCE))
                .isEmpty();
        assertThat(BatchAdmission.messageRefusal(elsewhere, 1, "410000", Relation.PEER, PlatformLevel.PROVINCE))
                .map(Refusal::code).contains("EXCHANGE_RELAY_REFUSED");
        assertThat(Refusal.OF_A_MESSAGE).contains("EXCHANGE_RELAY_REFUSED");
        assertThat(BatchAdmission.batchRefusal(batch, "410000", "411700", NOW.plus(SKEW).plusSeconds(1), SKEW))
                .map(Refusal::code).contains("EXCHANGE_BATCH_STALE");
        assertThat(BatchAdmission.batchRefusal(batch, "410100", "411700", NOW, SKEW)).map(Refusal::code)
                .contains("EXCHANGE_BATCH_MISADDRESSED");
    }

    /**
     * gaps review xxxvii R6: during a migration a receiver reads both the previous and the current version, by the
     * batch's declared format; a {@code /1} batch from a release that sent {@code proceedings} under it is read too.
     * The third (gaps review xliii X3: {@code legacySourceId}) is read beside them; a fourth is not.
     */
    @Test
    void admitsTheFirstSecondAndThirdVersionAndNoFourth() {
        ExchangeMessage contested = Messages.contestedBlackListEntry("410000", "list/" + UUID.randomUUID(), 2, NUMBER,
                "张三", List.of("LAWSUIT"));
        for (String format : List.of("chengxin-exchange/1", "chengxin-exchange/2", "chengxin-exchange/3")) {
            for (ExchangeMessage m : List.of(entry("410000"), contested)) {
                Batch batch = new Batch(format, UUID.randomUUID(), "410000", "411700", NOW, null, List.of(m));
                assertThat(code(batch, "410000", Relation.PARENT)).as(format).isEmpty();
            }
        }
        Batch fourth = new Batch("chengxin-exchange/4", UUID.randomUUID(), "410000", "411700", NOW, null,
                List.of(entry("410000")));
        assertThat(code(fourth, "410000", Relation.PARENT)).contains("EXCHANGE_FORMAT_UNSUPPORTED");
    }

    @Test
    void refusesAnUnknownFormatAndEmptyOrOverfullBatches() {
        Batch other = new Batch("other/9", UUID.randomUUID(), "410000", "411700", NOW, null, List.of(entry("410000")));
        assertThat(code(other, "410000", Relation.PARENT)).contains("EXCHANGE_FORMAT_UNSUPPORTED");
        assertThat(code(Messages.batch("410000", "411700", NOW), "410000", Relation.PARENT))
                .contains("EXCHANGE_BATCH_MALFORMED");
        Batch full = new Batch(ExchangeFormats.V1, UUID.randomUUID(), "410000", "411700", NOW, null,
                Collections.nCopies(Batch.MAX_MESSAGES + 1, entry("410000")));
        assertThat(code(full, "410000", Relation.PARENT)).contains("EXCHANGE_BATCH_MALFORMED");
    }

    @Test
    void aMessageStatusMustBelongToItsKind() {
        ExchangeMessage wrong = new ExchangeMessage("410000", "list/x2", 1, MessageKind.LIST_ENTRY, NOW,
                new ExchangeMessage.Subject("RESIDENT_ID", NUMBER, null), null, "BLACK", null, null, "REPAIRED", false,
                null, null, null, null, null);
        assertThat(wrong.problems()).anyMatch(p -> p.startsWith("status"));
    }

    /**
     * RULES.md §5: a pending review or lawsuit travels with the record or list entry it is against, named from the
     * format's two kinds, each once.
     */
    @Test
    void aRecordOrAListEntryMayCarryItsPendingProceedingsEachOnce() {
        assertThat(Messages.penalty("410000", "record/r1", 1, NUMBER, List.of("ADMINISTRATIVE_REVIEW", "LAWSUIT"))
                .problems()).isEmpty();
        assertThat(Messages.penalty("410000", "record/r1", 1, NUMBER, List.of("APPEAL")).problems())
                .anyMatch(p -> p.startsWith("proceedings"));
        assertThat(Messages.penalty("410000", "record/r1", 1, NUMBER, List.of("LAWSUIT", "LAWSUIT")).problems())
                .anyMatch(p -> p.startsWith("proceedings"));
        assertThat(Messages.penalty("410000", "record/r1", 1, NUMBER, java.util.Arrays.asList("LAWSUIT", null))
                .problems()).anyMatch(p -> p.startsWith("proceedings"));
        assertThat(Messages.contestedBlackListEntry("410000", "list/e1", 1, NUMBER, null, List.of("LAWSUIT"))
                .problems()).isEmpty();
        assertThat(Messages.contestedBlackListEntry("410000", "list/e1", 1, NUMBER, null, List.of("APPEAL"))
                .problems()).anyMatch(p -> p.startsWith("proceedings"));
    }
}
