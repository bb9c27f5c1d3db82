package cn.chengxin.platform.database;

import java.io.IOException;
import java.nio.file.Path;

import cn.chengxin.support.App;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** In production the embedded server is refused, with a message that says what to configure instead. */
class ProdProfileIT {

    /** The keys supplied as production would, so that they are not what a start fails on. */
    private static final String ENCRYPTION_KEY = "--chengxin.keys.encryption=AAECAwQFBgcICQoLDA0ODw==";
    private static final String INDEX_KEY = "--chengxin.keys.index=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    @Test
    void theProdProfileRefusesTheEmbeddedDatabase() throws Exception {
        Path dir = emptied("it-prod");

        // the public address and the privacy contacts supplied too, so the database is what the start fails on
        assertThatThrownBy(() -> App.start(dir, "prod", ENCRYPTION_KEY, INDEX_KEY,
                "--CHENGXIN_PUBLIC_URL=https://credit.example.gov.cn", "--CHENGXIN_PRIVACY_CONTACT=0396-1234567",
                "--CHENGXIN_PRIVACY_PERSON_IN_CHARGE=王某"))
                .rootCause()
                .hasMessageContaining("embedded PostgreSQL is not allowed")
                .hasMessageContaining("CHENGXIN_DB_URL");
        assertThat(dir.resolve("postgres")).doesNotExist();
    }

    /** Gaps review xxvii I3: a development switch set by the environment stops the start before anything is made. */
    @Test
    void theProdProfileRefusesDevelopmentSwitchesByName() throws Exception {
        Path dir = emptied("it-prod-switches");

        assertThatThrownBy(() -> App.start(dir, "prod", ENCRYPTION_KEY, INDEX_KEY,
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
        Path dir = emptied("it-prod-public-url");

        assertThatThrownBy(() -> App.start(dir, "prod", ENCRYPTION_KEY, INDEX_KEY))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("chengxin.inquiry.public-url (CHENGXIN_PUBLIC_URL)")
                .hasMessageContaining("http://localhost:8080");
        assertThat(dir.resolve("postgres")).doesNotExist();
    }

    private static Path emptied(String name) throws IOException {
        Path dir = Path.of("target", name).toAbsolutePath();
        FileSystemUtils.deleteRecursively(dir);
        return dir;
    }
}
