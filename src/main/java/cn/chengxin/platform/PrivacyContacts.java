package cn.chengxin.platform;

import java.util.List;
import java.util.function.Function;

/**
 * Who answers for personal information, as the 个人信息保护规则 page (/privacy) publishes it: the contact that receives
 * people's requests and complaints (PIPL Art. 50, Art. 17 ¶1 (1)) and the person in charge of personal information
 * protection, whose name and contact the processor must publish (Art. 52). Blank, the page says only "ask at the
 * window": acceptable for the demo, not for an installation (gaps review xlvi AA6).
 */
final class PrivacyContacts {

    /** A setting and the variable {@code application.yml} binds it to. */
    record Setting(String property, String variable) {

        @Override
        public String toString() {
            return property + " (" + variable + ")";
        }
    }

    static final List<Setting> REQUIRED = List.of(
            new Setting("chengxin.privacy.contact", "CHENGXIN_PRIVACY_CONTACT"),
            new Setting("chengxin.privacy.person-in-charge", "CHENGXIN_PRIVACY_PERSON_IN_CHARGE"));

    private PrivacyContacts() {
    }

    /** The required settings left blank, as {@code property} reads them. */
    static List<Setting> unset(Function<String, String> property) {
        return REQUIRED.stream().filter(s -> {
            String value = property.apply(s.property());
            return value == null || value.isBlank();
        }).toList();
    }
}
