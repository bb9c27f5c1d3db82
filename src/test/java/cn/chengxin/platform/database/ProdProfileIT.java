package cn.chengxin.platform.database;

import java.nio.file.Path;

import cn.chengxin.support.App;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** In production the embedded server is refused, with a message that says what to configure instead. */
class ProdProfileIT {

    @Test
    void theProdProfileRefusesTheEmbeddedDatabase() throws Exception {
        Path dir = Path.of("target", "it-prod").toAbsolutePath();
        FileSystemUtils.deleteRecursively(dir);

        assertThatThrownBy(() -> App.start(dir, "prod",
                // keys and the public address supplied as production would, so the database is what the start fails on
                "--chengxin.keys.encryption=AAECAwQFBgcICQoLDA0ODw==", "--CHENGXIN_PUBLIC_URL=https://credit.example.gov.cn",
                "--chengxin.keys.index=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="))
                .rootCause()
                .hasMessageContaining("embedded PostgreSQL is not allowed")
                .hasMessageContaining("CHENGXIN_DB_URL");
        assertThat(dir.resolve("postgres")).doesNotExist();
    }

    /** Gaps review xxvii I3: a development switch set by the environment stops the start before anything is made. */
    @Test
    void theProdProfileRefusesDevelopmentSwitchesByName() throws Exception {
        Path dir = Path.of("target", "it-prod-switches").toAbsolutePath();
        FileSystemUtils.deleteRecursively(dir);

        assertThatThrownBy(() -> App.start(dir, "prod",
                "--chengxin.keys.encryption=AAECAwQFBgcICQoLDA0ODw==",
                "--chengxin.keys.index=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
                "--chengxin.demo.accounts=true", "--chengxin.sms.gateway=dev"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("development settings")
                .hasMessageContaining("chengxin.demo.accounts=true (CHENGXIN_DEMO_ACCOUNTS)")
                .hasMessageContaining("chengxin.sms.gateway=dev (CHENGXIN_SMS_GATEWAY)");
        assertThat(dir.resolve("postgres")).doesNotExist();
    }

    /** Gaps review xl U1: reports issued in production must not carry the demo's address in their QR code. */
    @Test
    void theProdProfileRefusesThePublicAddressOfTheDemo() throws Exception {
        Path dir = Path.of("target", "it-prod-public-url").toAbsolutePath();
        FileSystemUtils.deleteRecursively(dir);

        assertThatThrownBy(() -> App.start(dir, "prod",
                "--chengxin.keys.encryption=AAECAwQFBgcICQoLDA0ODw==",
                "--chengxin.keys.index=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("chengxin.inquiry.public-url (CHENGXIN_PUBLIC_URL)")
                .hasMessageContaining("http://localhost:8080");
        assertThat(dir.resolve("postgres")).doesNotExist();
    }
}
