package cn.chengxin.ingestion;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.subject.SubjectProfile.ResponsibleView;

/**
 * Who gets a copy of an organisation's record under an item that links to responsible persons (RULES.md §1: an
 * enterprise's dishonesty is recorded also on its legal representative, principal person in charge and directly
 * responsible persons). Two sources, each person once:
 * <ul>
 *   <li>the persons the record's row names ({@link ResponsiblePersonSent}): the decision names who answered for the
 *   act, so they get the copy whatever the registry says;</li>
 *   <li>the registry's responsible persons of the organisation who held their role on the decision date, both ends
 *   included: not a former representative, who left before the act was decided, nor a later one, who came after. A
 *   revocation that gives no date reaches every registry person: one who has no copy to revoke is refused it, unseen.</li>
 *   <li>for a correction or revocation, the persons who hold a copy of the record already: a person named on the
 *   record's first version only keeps no copy the department has corrected or revoked.</li>
 * </ul>
 */
final class LinkedCopies {

    private LinkedCopies() {
    }

    /**
     * @param registered the organisation's responsible persons in the registry, every period of each
     * @param named      the subject ids of the persons the row names
     * @param holding    the persons holding a current copy of the record (none for a new record)
     */
    static List<UUID> recipients(LocalDate decisionDate, List<ResponsibleView> registered, List<UUID> named,
                                 List<UUID> holding) {
        Set<UUID> persons = new LinkedHashSet<>(named);
        persons.addAll(holding);
        for (ResponsibleView r : registered) {
            if (r.heldOn(decisionDate)) {
                persons.add(r.otherId());
            }
        }
        persons.remove(null);
        return new ArrayList<>(persons);
    }
}
