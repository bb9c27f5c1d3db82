package cn.chengxin.account.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Gaps review xxxi M7: "any address" is a choice with a written reason, not a blank field. */
class KeyAddressRuleTests {

    private static final AllowedAddresses NETWORK = AllowedAddresses.parse("10.8.0.0/16");

    @Test
    void aKeyThatMustBeRestrictedNamesNetworksOrAReason() {
        assertThat(KeyAddressRule.reasonToKeep(true, NETWORK, null)).isEmpty();
        assertThat(KeyAddressRule.reasonToKeep(true, AllowedAddresses.ANY, "  终端地址不固定 ")).contains("终端地址不固定");
        for (String none : new String[] {null, "", "  \n "}) {
            assertThatThrownBy(() -> KeyAddressRule.reasonToKeep(true, AllowedAddresses.ANY, none))
                    .as(String.valueOf(none)).isInstanceOfSatisfying(KeyAddressRule.Refused.class,
                            refused -> assertThat(refused.tooLong()).isFalse());
        }
    }

    @Test
    void aReasonBesideNetworksIsNotKeptAndAPartnersKeyMayNameNone() {
        assertThat(KeyAddressRule.reasonToKeep(true, NETWORK, "多余的理由")).isEmpty();
        assertThat(KeyAddressRule.reasonToKeep(false, AllowedAddresses.ANY, " ")).isEmpty();
        assertThat(KeyAddressRule.reasonToKeep(false, AllowedAddresses.ANY, "对方平台地址未定")).contains("对方平台地址未定");
    }

    @Test
    void aReasonLongerThanTwoHundredCharactersIsRefused() {
        assertThat(KeyAddressRule.reasonToKeep(true, AllowedAddresses.ANY, "理".repeat(200))).isPresent();
        assertThatThrownBy(() -> KeyAddressRule.reasonToKeep(false, AllowedAddresses.ANY, "理".repeat(201)))
                .isInstanceOfSatisfying(KeyAddressRule.Refused.class, refused -> assertThat(refused.tooLong()).isTrue());
    }

    @Test
    void onlyAKeyWithNeitherNetworksNorAReasonIsUnexplained() {
        assertThat(KeyAddressRule.unexplained(AllowedAddresses.ANY, null)).isTrue();
        assertThat(KeyAddressRule.unexplained(AllowedAddresses.ANY, " ")).isTrue();
        assertThat(KeyAddressRule.unexplained(AllowedAddresses.ANY, "终端地址不固定")).isFalse();
        assertThat(KeyAddressRule.unexplained(NETWORK, null)).isFalse();
    }
}
