package cn.chengxin.account;

import cn.chengxin.subject.SealedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The account module's columns sealed with the identity-protection keys, lent to the re-sealing pass
 * ({@link cn.chengxin.subject.ReSealing}) so that an old key version can be retired (RULES.md §10): citizens' phones,
 * those of registrations waiting for their code, of phone re-binding proposals waiting for review and of notices'
 * texts waiting to be sent, and staff members' TOTP secrets, each with the purpose it was sealed for.
 */
@Configuration(proxyBeanMethods = false)
class SealedAccountColumns {

    @Bean
    SealedColumn sealedCitizenPhones() {
        return SealedColumn.of("account.citizen", "phone_cipher", "phone_key_version",
                id -> CitizenAccounts.PHONE_PURPOSE);
    }

    @Bean
    SealedColumn sealedPendingRegistrationPhones() {
        return SealedColumn.of("account.pending_registration", "phone_cipher", "phone_key_version",
                id -> CitizenAccounts.PHONE_PURPOSE);
    }

    /** The new phone a 更换绑定手机 proposal carries while it waits for its second person (K4 of gaps-review-xxix). */
    @Bean
    SealedColumn sealedRebindProposalPhones() {
        return SealedColumn.of("account.citizen_account_proposal", "phone_cipher", "phone_key_version",
                id -> CitizenAccounts.PHONE_PURPOSE);
    }

    /**
     * The phone typed at the window for a notice's text, kept sealed in the texts' outbox only until the text is sent
     * or given up (N6, V356): minutes, but a key retired meanwhile must not stay in service for it.
     */
    @Bean
    SealedColumn sealedNoticeTextPhones() {
        return SealedColumn.of("account.notice", "sms_phone_cipher", "sms_phone_key_version",
                id -> CitizenAccounts.PHONE_PURPOSE);
    }

    @Bean
    SealedColumn sealedStaffTotpSecrets() {
        return SealedColumn.of("account.staff_user", "totp_cipher", "totp_key_version",
                id -> StaffLogin.TOTP_PURPOSE + ":" + id);
    }
}
