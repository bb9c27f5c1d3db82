package cn.chengxin.exchange.domain;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * RULES.md §6: minors are never put on a dishonesty list, and misconduct committed as a minor stays protected once
 * they are of age. Another platform's entry is held to the same rule as ours: a black or grey entry in force for a
 * person under 18 on its decision date (the start of its period, the nearest to the act a message carries; without
 * one, the day the issuer changed it) is refused. Its exit is taken: it only ends what should never have been.
 */
public final class MinorsNeverListed {

    private MinorsNeverListed() {
    }

    /**
     * @param index     the message's position in its batch, named in the reason
     * @param birthDate the birth date its subject's number carries (null: the number carries none)
     */
    public static Optional<Refusal> refusal(ExchangeMessage m, int index, LocalDate birthDate, LocalDate today) {
        if (birthDate == null || m.kind() != MessageKind.LIST_ENTRY || "RED".equals(m.listType()) || !m.inForce()) {
            return Optional.empty();
        }
        LocalDate decided = m.period() != null && m.period().start() != null ? m.period().start()
                : m.occurredAt().atOffset(ZoneOffset.ofHours(8)).toLocalDate();
        LocalDate judgedOn = decided.isAfter(today) ? today : decided;
        if (birthDate.plusYears(18).isAfter(judgedOn)) {
            return Optional.of(new Refusal("EXCHANGE_MINOR_LISTED", "messages[" + index + "]: the subject was under 18"
                    + " on the entry's decision date; minors are never put on the black or grey list"));
        }
        return Optional.empty();
    }
}
