package cn.chengxin.audit.domain;

import java.time.Instant;

import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StorableTextTests {

    private static EventRecord event(String actorName, String purpose, String detail) {
        return new EventRecord(-1, Instant.parse("2026-11-22T08:00:00.123456Z"), AuditCategory.SECURITY, "STAFF",
                "login:" + actorName, actorName, "", "account.login.password", null, purpose, null, null,
                AuditResult.DENIED, "r1", detail);
    }

    @Test
    void storableTextIsLeftAsItIsWithoutACopy() {
        EventRecord clean = event("张三😀", "用途\n第二行\t", "bad password");
        assertThat(StorableText.of(clean)).isSameAs(clean);
    }

    @Test
    void aNulIsReplacedAndTheDetailSaysWhere() {
        EventRecord stored = StorableText.of(event("mal\u0000lory", "用途", "unknown user"));

        assertThat(stored.actorName()).isEqualTo("mal\uFFFDlory");
        assertThat(stored.actorId()).isEqualTo("login:mal\uFFFDlory");
        assertThat(stored.purpose()).isEqualTo("用途");
        assertThat(stored.detail()).isEqualTo("unknown user [unstorable characters replaced by U+FFFD in: actor_id,"
                + " actor_name]");
        assertThat(StorableText.of(stored)).as("once storable, stays so").isSameAs(stored);
    }

    @Test
    void unpairedSurrogatesAreReplacedAndPairsKept() {
        EventRecord stored = StorableText.of(event("a", "x\uD800y\uDC00z😀\uD83D", null));

        assertThat(stored.purpose()).isEqualTo("x\uFFFDy\uFFFDz😀\uFFFD");
        assertThat(stored.detail()).isEqualTo("[unstorable characters replaced by U+FFFD in: purpose]");
    }
}
