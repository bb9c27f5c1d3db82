package cn.chengxin.portal.tipoff.domain;

import cn.chengxin.shared.privacy.IdentityRedaction;
import cn.chengxin.subject.domain.Masking;

/**
 * How the console shows a reporter whose name and contact are sealed (RULES.md §10: personal information masked on
 * screens; PIPL Art. 51): enough to tell one reporter from none, not enough to reach him. The values themselves are
 * opened only on an audited look with a purpose. An identity number typed into either is masked first.
 */
public final class ReporterMasking {

    private ReporterMasking() {
    }

    /** 冯报告 → 冯*告; empty for none. */
    public static String name(String name) {
        return name == null || name.isEmpty() ? "" : Masking.personName(IdentityRedaction.redact(name));
    }

    /**
     * A contact is free text (a phone, an e-mail, an address): 13900001111 → 139****1111; a shorter one keeps its
     * first and last two characters at most, one of up to four characters none.
     */
    public static String contact(String contact) {
        if (contact == null || contact.isEmpty()) {
            return "";
        }
        int[] cps = IdentityRedaction.redact(contact).codePoints().toArray();
        int head = cps.length >= 11 ? 3 : cps.length > 4 ? 1 : 0;
        int tail = cps.length >= 11 ? 4 : cps.length > 4 ? 2 : 0;
        return new String(cps, 0, head) + "*".repeat(cps.length - head - tail)
                + new String(cps, cps.length - tail, tail);
    }
}
