package cn.chengxin.exchange;

import cn.chengxin.shared.privacy.IdentityRedaction;

/**
 * Text another platform (or whatever answers at its address) sends back, as it may be stored and shown (RULES.md §10:
 * no identity number in clear on screens or in stored free text): control characters become spaces, anything shaped
 * like an identity number is masked, then it is cut to length. Masked before it is cut, so a number split by the cut is
 * not left in clear. Inbound refusals are kept the same way ({@link InboundRefusals}).
 */
final class PartnerTexts {

    private PartnerTexts() {
    }

    static String shown(String text, int max) {
        if (text == null) {
            return "";
        }
        String clean = IdentityRedaction.redact(text.replaceAll("\\p{Cntrl}", " ").strip());
        return clean.length() <= max ? clean : clean.substring(0, max);
    }
}
