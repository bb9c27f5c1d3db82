package cn.chengxin.listing;

import java.time.LocalDate;

import cn.chengxin.audit.AuditDetail;
import cn.chengxin.listing.domain.ExitGround;

/**
 * The audit details of the list's events as codes and values (K7), named in the auditor's language by
 * {@code audit.detail.LIST_*}: the list, the entry and what was decided, where the module used to write Chinese text.
 * Typed text (an exit reason, a proceeding's outcome) stays a value, masked as any detail.
 */
final class ListDetails {

    private ListDetails() {
    }

    /** The message key naming the entry's list ({@code lists.type.*}). */
    static String listKey(ListEntry entry) {
        return "lists.type." + entry.listType().name();
    }

    /** A detail about one entry: its list, then its id, after the detail's code. */
    static AuditDetail entry(AuditDetail detail, ListEntry entry) {
        return detail.withLabel("list", listKey(entry)).with("entry", entry.id());
    }

    /** A step of an exit proposal: the entry, then the ground given for its exit. */
    static AuditDetail exit(AuditDetail detail, ListEntry entry, ExitGround ground) {
        return entry(detail, entry).withLabel("ground", "lists.exitGround." + ground.name());
    }

    /** A step of a rule's version. */
    static AuditDetail rule(AuditDetail detail, String ruleCode, int version) {
        return detail.with("rule", ruleCode).with("version", version);
    }

    /**
     * An entry's last day moved: by a court's term or by a corrected record, and whether the person was sent the
     * notice of the change (only an entry in force is).
     */
    static AuditDetail validUntilChanged(ListEntry entry, boolean courtsTerm, LocalDate to, boolean told) {
        AuditDetail detail = AuditDetail.of(courtsTerm
                ? (told ? "LIST_VALID_UNTIL_COURT_TOLD" : "LIST_VALID_UNTIL_COURT")
                : (told ? "LIST_VALID_UNTIL_CORRECTED_TOLD" : "LIST_VALID_UNTIL_CORRECTED"));
        return entry(detail, entry).with("from", dayOrDash(entry.validUntil())).with("to", dayOrDash(to));
    }

    private static String dayOrDash(LocalDate day) {
        return day == null ? "—" : day.toString();
    }
}
