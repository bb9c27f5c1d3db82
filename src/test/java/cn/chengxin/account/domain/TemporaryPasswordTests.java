package cn.chengxin.account.domain;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TemporaryPasswordTests {

    @Test
    void generatedPasswordsMeetThePolicyAndDiffer() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String password = TemporaryPassword.generate(random, "clerk");
            assertThat(PasswordPolicy.violations(password, "clerk", null)).as(password).isEmpty();
            assertThat(password).hasSize(16).doesNotContain("0", "O", "1", "l", "I");
            seen.add(password);
        }
        assertThat(seen).hasSize(200);
    }
}
