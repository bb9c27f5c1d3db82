package cn.chengxin.objection.domain;

import java.util.UUID;

import cn.chengxin.shared.security.Actor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue #8 (J3): a first objection always passes; repeats are limited per account; the platform has no account. */
class RepeatFilingLimitTests {

    @Test
    void onlyAnAccountsRepeatsPastTheDailyLimitAreRefused() {
        assertThat(RepeatFilingLimit.refused(false, "CITIZEN:a", 1000)).as("a first objection").isFalse();
        assertThat(RepeatFilingLimit.refused(true, "CITIZEN:a", RepeatFilingLimit.PER_DAY - 1)).isFalse();
        assertThat(RepeatFilingLimit.refused(true, "CITIZEN:a", RepeatFilingLimit.PER_DAY)).isTrue();
        assertThat(RepeatFilingLimit.refused(true, null, 1000)).as("the platform itself").isFalse();
    }

    @Test
    void theAccountIsTheActorsKindAndStableIdNeverThePlatform() {
        UUID account = UUID.randomUUID();
        assertThat(RepeatFilingLimit.accountOf(actor(Actor.ActorKind.CITIZEN, account.toString())))
                .isEqualTo("CITIZEN:" + account);
        assertThat(RepeatFilingLimit.accountOf(actor(Actor.ActorKind.STAFF, "counter-clerk")))
                .isEqualTo("STAFF:counter-clerk");
        assertThat(RepeatFilingLimit.accountOf(actor(Actor.ActorKind.SYSTEM, "system"))).isNull();
        assertThat(RepeatFilingLimit.accountOf(actor(Actor.ActorKind.ANONYMOUS, "anonymous"))).isNull();
    }

    private static Actor actor(Actor.ActorKind kind, String id) {
        return new Actor() {
            @Override
            public ActorKind actorKind() {
                return kind;
            }

            @Override
            public String actorId() {
                return id;
            }

            @Override
            public String actorName() {
                return id;
            }

            @Override
            public String organisation() {
                return "";
            }
        };
    }
}
