package cn.chengxin.account.web;

/**
 * The field of the registration form a refusal names, for the refusal beside it and the field marked invalid (gaps
 * review xxxv O2; WCAG 3.3.1). None for a refusal that names no one field: the real-name check cannot tell which of
 * name, number and phone failed, and must not (it would tell whoever tries whether a name goes with a number).
 */
final class RegistrationFields {

    private RegistrationFields() {
    }

    /** @return the field's name (and id) in {@code me/register.html}, or null */
    static String of(String code) {
        if (code == null) {
            return null;
        }
        if (code.equals("PRIVACY_CONSENT_REQUIRED")) {
            return "privacyConsent";
        }
        if (code.equals("ESERVICE_TERMS_CHANGED")) {
            return "eserviceConsent";
        }
        if (code.equals("DOCUMENT_TYPE_UNKNOWN")) {
            return "documentType";
        }
        if (code.startsWith("ID_") || code.equals("DOCUMENT_FORMAT")) {
            return "number";
        }
        if (code.equals("PHONE_FORMAT")) {
            return "phone";
        }
        if (code.startsWith("PASSWORD_")) {
            return "password";
        }
        return null;
    }
}
