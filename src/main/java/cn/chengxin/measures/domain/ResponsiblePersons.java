package cn.chengxin.measures.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import cn.chengxin.subject.ResponsibleLink;
import cn.chengxin.subject.domain.ResponsibleRole;

/**
 * Who a measure that reaches an organisation's responsible persons falls on (法释〔2015〕17号 第三条第二款: when the
 * defaulter is a unit, its legal representative, principal person in charge and directly responsible persons may not do
 * the restricted consumption; RULES.md §1, §7; review xxv H2): the person who holds such a role in the organisation on
 * the day of the check, both ends of the period included. The restriction binds whoever answers for the unit while it
 * is restricted: a former representative who left before that day — before the entry took effect, or since — is not
 * reached, nor one whose role begins after it. The persons are not listed themselves.
 */
public final class ResponsiblePersons {

    private ResponsiblePersons() {
    }

    /** Whether {@code link}'s period holds {@code day}, both ends included; an open period runs on. */
    public static boolean heldOn(ResponsibleLink link, LocalDate day) {
        return (link.from() == null || !link.from().isAfter(day)) && (link.to() == null || !link.to().isBefore(day));
    }

    /**
     * The role in which the person answers for the organisation on {@code day}, among the periods {@code links} of
     * them in it (several roles at once: the first by {@link ResponsibleRole}'s order, the legal representative
     * first); empty when they hold none that day.
     */
    public static Optional<ResponsibleRole> roleOn(List<ResponsibleLink> links, LocalDate day) {
        ResponsibleRole held = null;
        for (ResponsibleLink link : links) {
            if (heldOn(link, day) && (held == null || link.role().ordinal() < held.ordinal())) {
                held = link.role();
            }
        }
        return Optional.ofNullable(held);
    }
}
