package cn.chengxin.subject.domain;

import java.util.regex.Pattern;

/**
 * Numbers of the documents used by persons without a mainland identity number: passports and the
 * travel permits of Hong Kong, Macao and Taiwan residents (河南省社会信用条例 Art. 16). Their formats
 * carry no check character, so only the shape is verified.
 */
public final class OtherDocumentNumber {

    private static final Pattern PASSPORT = Pattern.compile("[A-Z0-9]{5,17}");
    /** 港澳居民来往内地通行证: H or M followed by 8 or 10 digits. */
    private static final Pattern HK_MACAO = Pattern.compile("[HM](\\d{8}|\\d{10})");
    /** 台湾居民来往大陆通行证: 8 digits (10 on older cards). */
    private static final Pattern TAIWAN = Pattern.compile("\\d{8}|\\d{10}");

    private OtherDocumentNumber() {
    }

    public static String parse(DocumentType type, String raw) {
        String number = Normalisation.canonical(raw);
        Pattern pattern = switch (type) {
            case PASSPORT -> PASSPORT;
            case HK_MACAO_PERMIT -> HK_MACAO;
            case TAIWAN_PERMIT -> TAIWAN;
            default -> throw new IllegalArgumentException("not an other-document type: " + type);
        };
        if (!pattern.matcher(number).matches()) {
            throw new InvalidIdentityException(IdentityRejection.DOCUMENT_FORMAT);
        }
        return number;
    }
}
