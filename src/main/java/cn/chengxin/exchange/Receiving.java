package cn.chengxin.exchange;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongConsumer;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.exchange.domain.Batch;
import cn.chengxin.exchange.domain.BatchAdmission;
import cn.chengxin.exchange.domain.ExchangeMessage;
import cn.chengxin.exchange.domain.MinorsNeverListed;
import cn.chengxin.exchange.domain.Reconciliation;
import cn.chengxin.exchange.domain.Refusal;
import cn.chengxin.exchange.domain.Relation;
import cn.chengxin.exchange.persistence.JdbcExchange;
import cn.chengxin.exchange.wire.BatchCodec;
import cn.chengxin.exchange.wire.MessageRefusals;
import cn.chengxin.exchange.wire.SealedBody;
import cn.chengxin.exchange.wire.SignedBatch;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.Ids;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.IdentityDocument;
import cn.chengxin.subject.domain.InvalidIdentityException;
import cn.chengxin.subject.domain.Masking;
import cn.chengxin.subject.domain.SubjectKind;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receives batches (pushed to us) and answers pulls. A batch is checked whole before anything of it is applied:
 * known partner, signature, digest, format, addressing, freshness, each message, identity numbers; then, in one
 * transaction, its id is remembered (a replay is refused) and each message is applied by (source platform, source
 * id, version) — a version older than the one held changes nothing, so the final state does not depend on the order
 * of arrival.
 */
@Component
class Receiving {

    private final JdbcExchange store;
    private final ExchangeSettings settings;
    private final SubjectRegistry subjects;
    private final Pushing pushing;
    private final PartnerRequests requests;
    private final AuditLog audit;
    private final InboundRefusals refusals;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Receiving(JdbcExchange store, ExchangeSettings settings, SubjectRegistry subjects, Pushing pushing,
              PartnerRequests requests, AuditLog audit, InboundRefusals refusals,
              PlatformTransactionManager transactions, Clock clock) {
        this.refusals = refusals;
        this.store = store;
        this.settings = settings;
        this.subjects = subjects;
        this.pushing = pushing;
        this.requests = requests;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    Exchange.Acknowledgement receive(SignedBatch signed) {
        return receive(signed, clock.instant());
    }

    /**
     * @param sentAt when the batch was handed over: now over HTTP; over Kafka, the record's timestamp, so that a
     *               batch that waited in the topic while this platform was down is not refused as stale (replays
     *               are refused by batch id, remembered for good)
     * @throws ExchangeProblem when refused, the refusal audited first ({@link InboundRefusals})
     */
    Exchange.Acknowledgement receive(SignedBatch signed, Instant sentAt) {
        return refusals.audited(signed.from(), "batch", () -> check(signed, sentAt, false, null)).acknowledgement();
    }

    /**
     * Receives a batch read from Kafka, which has no answer to a push: the batch is applied without the messages
     * refused for what they say ({@link Refusal#OF_A_MESSAGE}: the same codes as over HTTP), each refused message is
     * kept with the batch, and the answer naming them is returned sealed and signed for the sender, which sets them
     * aside ({@link #answered}). A batch read again after it was accepted (its answer was not handed to the broker)
     * gets the same answer. A refusal of the batch as such — who sent it, its signature, format or time — stays whole.
     *
     * @return the answer to publish on the sender's topic; empty when every message was applied
     * @throws ExchangeProblem when the batch is refused whole, audited first
     */
    Optional<SignedBatch> receiveEach(SignedBatch signed, Instant sentAt) {
        return refusals.audited(signed.from(), "batch", () -> check(signed, sentAt, true, null)).answer();
    }

    /**
     * The answer to our pull of the partner's feed ({@link Pulling}; gaps review xxviii J7), {@code signed} as the
     * partner answered, named from it: checked and applied exactly as a batch it pushed (its signature by the key
     * declared for it, digest, encryption for us, addressing, time, every message; a batch id accepted before is
     * refused), and its cursor handed to {@code keepCursor} in the transaction that applies it, so that a crash between
     * the two neither loses nor repeats anything. An answer with no message (nothing waits) only hands on its cursor.
     *
     * @throws ExchangeProblem when refused, the refusal audited first: nothing applied, the cursor not handed on
     */
    Exchange.Acknowledgement pulled(SignedBatch signed, LongConsumer keepCursor) {
        return refusals.audited(signed.from(), "pullAnswer", () -> check(signed, clock.instant(), false, keepCursor))
                .acknowledgement();
    }

    /** What became of a batch: its acknowledgement, and over Kafka the answer naming the messages refused. */
    private record Outcome(Exchange.Acknowledgement acknowledgement, Optional<SignedBatch> answer) {
    }

    /** @param keepCursor for the answer to a pull, what keeps its cursor; null for a pushed batch */
    private Outcome check(SignedBatch signed, Instant sentAt, boolean eachMessage, LongConsumer keepCursor) {
        Partner partner = requests.knownPartner(signed.from());
        if (!signed.signedBy(partner.publicKey())) {
            throw refused("EXCHANGE_SIGNATURE_INVALID", DomainProblem.Kind.FORBIDDEN,
                    "签名无效：批次须由发送平台的 SM2 私钥对报文原文签名");
        }
        if (!signed.digestMatches()) {
            throw refused("EXCHANGE_DIGEST_MISMATCH", DomainProblem.Kind.INVALID_INPUT, "摘要与报文不符");
        }
        Batch batch = read(signed);
        Instant now = clock.instant();
        Optional<Refusal> refusal = eachMessage
                ? BatchAdmission.batchRefusal(batch, partner.code(), settings.platform().code(), sentAt,
                        settings.maxSkew())
                : keepCursor != null
                ? BatchAdmission.answerRefusal(batch, partner.code(), settings.platform().code(), partner.relation(),
                        partner.level(), sentAt, settings.maxSkew())
                : BatchAdmission.refusal(batch, partner.code(), settings.platform().code(), partner.relation(),
                        partner.level(), sentAt, settings.maxSkew());
        if (refusal.isPresent()) {
            throw refused(refusal.get().code(), kindOf(refusal.get().code()), refusal.get().reason());
        }
        if (batch.markedTest()) {
            return tested(batch, partner, eachMessage);
        }
        if (keepCursor != null && batch.messages().isEmpty()) {
            transaction.executeWithoutResult(status -> keepCursor.accept(batch.cursor()));
            return new Outcome(new Exchange.Acknowledgement(batch.batchId(), 0, 0), Optional.empty());
        }
        List<IdentityDocument> documents = new ArrayList<>();
        List<JdbcExchange.Incoming> incoming = new ArrayList<>();
        List<MessageRefusals.Refused> refusedMessages = new ArrayList<>();
        List<Partner> relayTo = relayTargets(partner);
        if (eachMessage) {
            admitEach(batch.messages(), partner, documents, incoming, refusedMessages);
        } else {
            incoming.addAll(identify(batch.messages(), partner.code(), documents));
        }
        List<MessageRefusals.Refused> answered = new ArrayList<>(refusedMessages);
        int applied = transaction.execute(status -> {
            List<JdbcExchange.Incoming> held = underHolders(incoming);
            if (!store.acceptBatch(partner.code(), batch.batchId(), batch.createdAt(), now, batch.messages().size(),
                    signed.digest())) {
                List<MessageRefusals.Refused> before = eachMessage ? store.refusedIn(partner.code(), batch.batchId())
                        : List.of();
                if (before.isEmpty()) {
                    throw refused("EXCHANGE_BATCH_REPLAYED", DomainProblem.Kind.CONFLICT, "该批次已接收过，不再重复处理");
                }
                answered.clear();
                answered.addAll(before);
                return 0;
            }
            for (MessageRefusals.Refused r : refusedMessages) {
                store.messageRefused(partner.code(), batch.batchId(), r, now);
                refusals.messageRefused(partner.code(), r.code(), r.reason());
            }
            int changed = 0;
            for (int i = 0; i < held.size(); i++) {
                if (store.apply(held.get(i), now)) {
                    changed++;
                    relay(held.get(i).message(), documents.get(i), relayTo, now);
                }
            }
            store.batchApplied(partner.code(), batch.batchId(), changed);
            if (keepCursor != null) {
                keepCursor.accept(batch.cursor());
            }
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, "exchange.receive").detail(AuditDetail.of("BATCH_RECEIVED")
                    .with("batch", batch.batchId()).with("partner", partner.code()).with("messages", incoming.size())
                    .with("applied", changed).with("refused", refusedMessages.size())));
            return changed;
        });
        Optional<SignedBatch> answer = answered.isEmpty() ? Optional.empty()
                : Optional.of(new MessageRefusals(batch.batchId(), settings.platform().code(), partner.code(), answered)
                        .seal(settings.key(), partner.publicKey()));
        return new Outcome(new Exchange.Acknowledgement(batch.batchId(), incoming.size(), applied), answer);
    }

    /**
     * A partner's test batch (gaps review xxxvii R6): its signature, digest, envelope, format, addressing, time and every
     * message were checked as a real batch's are, and each message's subject is validated as it would be to apply it.
     * It is answered like a batch ({@code applied} 0), but nothing is applied, relayed or kept — not even its id, so
     * the partner may send it again — and it is audited as a test.
     */
    private Outcome tested(Batch batch, Partner partner, boolean eachMessage) {
        List<IdentityDocument> documents = new ArrayList<>();
        List<JdbcExchange.Incoming> incoming = new ArrayList<>();
        List<MessageRefusals.Refused> refusedMessages = new ArrayList<>();
        if (eachMessage) {
            admitEach(batch.messages(), partner, documents, incoming, refusedMessages);
        } else {
            incoming.addAll(identify(batch.messages(), partner.code(), documents));
        }
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "exchange.receive").detail(AuditDetail.of("BATCH_TESTED")
                .with("batch", batch.batchId()).with("partner", partner.code()).with("messages", incoming.size())
                .with("refused", refusedMessages.size())));
        Optional<SignedBatch> answer = refusedMessages.isEmpty() ? Optional.empty()
                : Optional.of(new MessageRefusals(batch.batchId(), settings.platform().code(), partner.code(),
                        refusedMessages).seal(settings.key(), partner.publicKey()));
        return new Outcome(new Exchange.Acknowledgement(batch.batchId(), incoming.size(), 0), answer);
    }

    /**
     * Over Kafka: each message admitted on its own (what it says, who may relay it, its identity number, a minor's
     * entry), the refused ones named with their index rather than refusing the batch.
     */
    private void admitEach(List<ExchangeMessage> messages, Partner partner,
                           List<IdentityDocument> documents, List<JdbcExchange.Incoming> incoming,
                           List<MessageRefusals.Refused> refusedMessages) {
        LocalDate today = LocalDate.now(clock);
        for (int i = 0; i < messages.size(); i++) {
            ExchangeMessage m = messages.get(i);
            Optional<Refusal> refusal = BatchAdmission.messageRefusal(m, i, partner.code(), partner.relation(),
                    partner.level());
            if (refusal.isEmpty()) {
                refusal = identifyOne(m, i, partner.code(), today, documents, incoming);
            }
            if (refusal.isPresent()) {
                refusedMessages.add(new MessageRefusals.Refused(i, m == null ? null : m.sourcePlatform(),
                        m == null ? null : m.sourceId(), m == null ? 0 : m.version(), refusal.get().code(),
                        refusal.get().reason()));
            }
        }
    }

    /**
     * The sender's side of {@link #receiveEach}: the partner's answer naming messages of a batch of ours it refused,
     * checked as a batch from it is (known partner, signature, digest, sealed for us, addressed from it to us); the
     * messages are set aside ({@link Pushing#setAside(String, MessageRefusals)}).
     *
     * @throws ExchangeProblem when the answer is refused, audited first
     */
    void answered(SignedBatch signed) {
        refusals.audited(signed.from(), "answer", () -> {
            Partner partner = requests.knownPartner(signed.from());
            if (!signed.signedBy(partner.publicKey()) || !signed.digestMatches()) {
                throw refused("EXCHANGE_SIGNATURE_INVALID", DomainProblem.Kind.FORBIDDEN, "应答的签名或摘要无效");
            }
            MessageRefusals answer;
            try {
                answer = MessageRefusals.read(signed.open(settings.platform().code(), settings.key()));
            } catch (SealedBody.Unreadable e) {
                throw refused(e.code(), kindOf(e.code()), "应答无法解密或格式错误：" + e.getMessage());
            } catch (BatchCodec.MalformedBatch e) {
                throw refused("EXCHANGE_BATCH_MALFORMED", DomainProblem.Kind.INVALID_INPUT, "应答格式错误：" + e.getMessage());
            }
            if (!partner.code().equals(answer.from()) || !settings.platform().code().equals(answer.to())) {
                throw refused("EXCHANGE_BATCH_MISADDRESSED", DomainProblem.Kind.FORBIDDEN,
                        "the answer must be from the signing platform and to " + settings.platform().code());
            }
            return pushing.setAside(partner.code(), answer);
        });
    }

    /**
     * Every message's subject as this platform keeps it: pseudonym and masks; a bad number refuses the batch, and so
     * does a black or grey entry for a minor ({@link MinorsNeverListed}).
     */
    private List<JdbcExchange.Incoming> identify(List<ExchangeMessage> messages, String via,
                                                 List<IdentityDocument> documents) {
        List<JdbcExchange.Incoming> incoming = new ArrayList<>(messages.size());
        LocalDate today = LocalDate.now(clock);
        for (int i = 0; i < messages.size(); i++) {
            Optional<Refusal> refusal = identifyOne(messages.get(i), i, via, today, documents, incoming);
            if (refusal.isPresent()) {
                throw refused(refusal.get().code(), kindOf(refusal.get().code()), refusal.get().reason());
            }
        }
        return incoming;
    }

    /**
     * Message {@code i}'s subject added to {@code documents} and {@code incoming}; else why it is refused. A message
     * without a name is taken (older senders leave it out): a subject it registers to relay it on keeps the placeholder
     * until a message carrying a name gives one ({@link SubjectRegistry#followRelayedName}, gaps review xxvii I9).
     */
    private Optional<Refusal> identifyOne(ExchangeMessage m, int i, String via, LocalDate today,
                                          List<IdentityDocument> documents, List<JdbcExchange.Incoming> incoming) {
        IdentityDocument document;
        try {
            document = subjects.validate(DocumentType.valueOf(m.subject().documentType()), m.subject().number());
        } catch (IllegalArgumentException | InvalidIdentityException e) {
            return Optional.of(new Refusal("EXCHANGE_MESSAGE_INVALID", "messages[" + i + "].subject: "
                    + (e instanceof InvalidIdentityException bad ? bad.code() : "unknown documentType")));
        }
        Optional<Refusal> minor = MinorsNeverListed.refusal(m, i, document.birthDate().orElse(null), today);
        if (minor.isPresent()) {
            return minor;
        }
        documents.add(document);
        incoming.add(incomingOf(m, via, document));
        return Optional.empty();
    }

    private JdbcExchange.Incoming incomingOf(ExchangeMessage m, String via, IdentityDocument document) {
        String name = m.subject().name();
        String maskedName = name == null ? null
                : document.subjectKind() == SubjectKind.PERSON ? Masking.personName(name) : name;
        return new JdbcExchange.Incoming(m, via, subjects.pseudonymOf(document), document.masked(), maskedName,
                BatchCodec.digestOf(m));
    }

    /**
     * Adopts the parent's state of the {@code requested} messages from a batch it signed in answer to our fetch
     * ({@link Adopting}): checked like a pushed batch, then applied over any other version held — lower or higher —
     * and relayed on to the children. Messages we issued ourselves, or that we did not ask for, are left alone.
     *
     * @return the keys ({@code <source platform>:<source id>}) whose state changed
     */
    List<String> adopt(Partner parent, SignedBatch signed, Set<String> requested) {
        if (!signed.signedBy(parent.publicKey()) || !signed.digestMatches()) {
            throw refused("EXCHANGE_SIGNATURE_INVALID", DomainProblem.Kind.FORBIDDEN,
                    "对账应答的签名或摘要无效");
        }
        Batch batch = read(signed);
        if (batch.messages() == null || batch.messages().isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        String self = settings.platform().code();
        Optional<Refusal> refusal = BatchAdmission.refusal(batch, parent.code(), self, parent.relation(),
                parent.level(), now, settings.maxSkew());
        if (refusal.isPresent()) {
            throw refused(refusal.get().code(), kindOf(refusal.get().code()), refusal.get().reason());
        }
        List<ExchangeMessage> wanted = batch.messages().stream().filter(m -> !m.sourcePlatform().equals(self))
                .filter(m -> requested.contains(Reconciliation.key(m.sourcePlatform(), m.sourceId()))).toList();
        List<IdentityDocument> documents = new ArrayList<>();
        List<Partner> relayTo = relayTargets(parent);
        List<JdbcExchange.Incoming> incoming = identify(wanted, parent.code(), documents);
        return transaction.execute(status -> {
            List<JdbcExchange.Incoming> held = underHolders(incoming);
            List<String> adopted = new ArrayList<>();
            for (int i = 0; i < held.size(); i++) {
                ExchangeMessage m = held.get(i).message();
                if (store.adopt(held.get(i), now)) {
                    adopted.add(Reconciliation.key(m.sourcePlatform(), m.sourceId()));
                    relay(m, documents.get(i), relayTo, now);
                }
            }
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, "exchange.adopt").detail(AuditDetail.of("RECONCILIATION_ADOPTED")
                    .with("partner", parent.code()).with("adopted", adopted.size()).with("of", incoming.size())
                    .with("first", adopted.subList(0, Math.min(20, adopted.size())))));
            return adopted;
        });
    }

    /**
     * Applies messages taken from a published list file (not signed by a partner: loaded by staff and approved by
     * another person, {@link ListLoads}), in one transaction, and relays them down to the children as a list from the
     * national level would come. Audited with the file's {@code provenance} (digest, uploader, approver; the detail
     * whose values the counts of entries and of those applied follow), and once
     * under each subject whose entry changed: a person listed or de-listed by a file sees it (RULES.md §10).
     *
     * @return how many changed what is held
     */
    int applyLoaded(String source, List<ExchangeMessage> messages, List<IdentityDocument> documents,
                    AuditDetail provenance) {
        List<Partner> down = store.partners().stream().filter(Partner::enabled)
                .filter(p -> p.relation() == Relation.CHILD).toList();
        Instant now = clock.instant();
        List<JdbcExchange.Incoming> loaded = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            loaded.add(incomingOf(messages.get(i), source, documents.get(i)));
        }
        return transaction.execute(status -> {
            List<JdbcExchange.Incoming> held = underHolders(loaded);
            List<AuditEntry> events = new ArrayList<>();
            for (int i = 0; i < messages.size(); i++) {
                ExchangeMessage m = messages.get(i);
                JdbcExchange.Incoming in = held.get(i);
                if (store.apply(in, now)) {
                    relay(m, documents.get(i), down, now);
                    events.add(AuditEntry.of(AuditCategory.PROCESSING, "exchange.load.entry").subject(in.pseudonym())
                            .detail((m.inForce() ? AuditDetail.of("LOAD_ENTRY_LISTED")
                                    : AuditDetail.of("LOAD_ENTRY_REMOVED")).with("platform", m.issuingPlatformName())
                                    .with("decision", m.decisionNumber()).with("department", m.department())));
                }
            }
            int changed = events.size();
            events.add(0, AuditEntry.of(AuditCategory.PROCESSING, "exchange.load")
                    .detail(provenance.with("entries", messages.size()).with("applied", changed)));
            audit.recordAll(events);
            return changed;
        });
    }

    /**
     * Where what arrives through {@code via} may go on (RULES.md §11: city ↔ province ↔ nation, "互联、互通、互查"):
     * what comes down from the parent goes on down to every child; what comes up from a child goes to the other
     * children and up to the parent; what a peer sends stays here. Which of these a message goes to depends on its
     * kind ({@link Relation#takesRelayed}): records go up only.
     */
    private List<Partner> relayTargets(Partner via) {
        return store.partners().stream().filter(Partner::enabled).filter(p -> !p.code().equals(via.code()))
                .filter(p -> p.relation() == Relation.CHILD
                        || via.relation() == Relation.CHILD && p.relation() == Relation.PARENT)
                .filter(p -> via.relation() != Relation.PEER)
                .toList();
    }

    /**
     * Queues a newer version received for the platforms it goes on to. The subject is registered here so that the
     * outbox, like every table of this platform, holds the number only encrypted in the subject register; a subject
     * new here is registered under the name the message carried, as provisional (gaps review xxvii I9): this
     * platform's own departments, or the person, give its name. The name each relayed message carries is followed
     * ({@link SubjectRegistry#followRelayedName}): a placeholder takes the first name carried, and the subject's origin
     * renames it.
     */
    private void relay(ExchangeMessage m, IdentityDocument document, List<Partner> relayTo, Instant now) {
        List<String> targets = relayTargetsOf(m, relayTo);
        if (targets.isEmpty()) {
            return;
        }
        // Joins are held off since the transaction began (underHolders): the subject holding the document now is
        // found, the kept one of a join approved since the batch was identified, whose outbox rows it moved already
        // (JoinedReceived; engineer 4's finding, session xliv; 98号 三(一)).
        UUID subjectId = subjects.registerRelayed(document, m.subject().name() == null ? "" : m.subject().name());
        subjects.followRelayedName(subjectId, m.subject().name(), m.sourcePlatform(), LocalDate.now(clock));
        store.enqueueTo(targets, subjectId, m, BatchCodec.writeMessage(m.withSubjectNumber(null)), now);
    }

    /**
     * The messages under the pseudonyms of their subjects' holders, joins held off until the transaction ends: to be
     * called first in the transaction that applies them (and relays them, {@link #relay}). Each message was identified
     * before it, by the pseudonym of the document it names; a row kept under that pseudonym would miss the person's one
     * file, read by the holder's pseudonym (scores, the received entries), where the document is a further document of
     * another subject (gaps review xxx L1) or its subject was joined into another (合并信用档案), also by a join
     * approved between the two, which moved what the joined pseudonym held already ({@link JoinedReceived}; 98号
     * 三(一); RULES.md §1). One query a batch, as an ingestion chunk's.
     */
    private List<JdbcExchange.Incoming> underHolders(List<JdbcExchange.Incoming> incoming) {
        Map<String, String> holders = subjects.holdersHoldingJoins(
                incoming.stream().map(JdbcExchange.Incoming::pseudonym).toList());
        return incoming.stream().map(in -> in.underPseudonym(holders.getOrDefault(in.pseudonym(), in.pseudonym())))
                .toList();
    }

    /** The platforms of {@code relayTo} that {@code m} goes on to: none for a message of theirs. */
    private static List<String> relayTargetsOf(ExchangeMessage m, List<Partner> relayTo) {
        return relayTo.stream().filter(p -> p.relation().takesRelayed(m.kind()))
                .map(Partner::code).filter(code -> !code.equals(m.sourcePlatform())).toList();
    }

    /**
     * Answers a pull ({@link PartnerRequests}: operation {@code pull}, argument {@code after}); pulling from
     * {@code after} acknowledges what earlier answers handed out up to it, and the answer carries the oldest messages
     * still waiting — a message committed after a later one was handed out among them, not skipped — and the next
     * cursor.
     */
    SignedBatch pull(String requester, Long afterParameter, String at, String signature) {
        long after = afterParameter == null ? 0 : afterParameter;
        Partner partner = requests.authenticate("pull", requester, Long.toString(after), at, signature);
        Instant now = clock.instant();
        store.acknowledgeUpTo(partner.code(), after, now);
        List<JdbcExchange.Waiting> waiting = store.waiting(partner.code(), 0, settings.batchSize());
        long cursor = waiting.isEmpty() ? after : Math.max(after, waiting.get(waiting.size() - 1).seq());
        UUID batchId = Ids.newId();
        if (!waiting.isEmpty()) {
            store.attempted(waiting.stream().map(JdbcExchange.Waiting::seq).toList(), batchId);
        }
        Batch batch = pushing.batch(batchId, partner.code(), waiting, now);
        return SignedBatch.sign(new Batch(batch.format(), batch.batchId(), batch.from(), batch.to(), batch.createdAt(),
                cursor, batch.messages()), settings.key(), partner.publicKey());
    }

    /**
     * The batch inside a signed envelope whose signature and digest verified: decrypted with this platform's key
     * ({@link SealedBody}), then parsed strictly. A batch sent in clear is refused (EXCHANGE_BATCH_UNENCRYPTED): the
     * sender's outbox keeps it and sends it again, encrypted, once the sender is upgraded, so nothing is lost.
     */
    private Batch read(SignedBatch signed) {
        byte[] plain;
        try {
            plain = signed.open(settings.platform().code(), settings.key());
        } catch (SealedBody.Unreadable e) {
            throw refused(e.code(), kindOf(e.code()), "报文无法解密或格式错误：" + e.getMessage());
        }
        try {
            return BatchCodec.read(plain);
        } catch (BatchCodec.MalformedBatch e) {
            throw refused("EXCHANGE_BATCH_MALFORMED", DomainProblem.Kind.INVALID_INPUT, "报文格式错误：" + e.getMessage());
        }
    }

    private static DomainProblem.Kind kindOf(String code) {
        return switch (code) {
            case "EXCHANGE_BATCH_MISADDRESSED", "EXCHANGE_RELAY_REFUSED" -> DomainProblem.Kind.FORBIDDEN;
            default -> DomainProblem.Kind.INVALID_INPUT;
        };
    }

    private static ExchangeProblem refused(String code, DomainProblem.Kind kind, String message) {
        return new ExchangeProblem(code, kind, message);
    }
}
