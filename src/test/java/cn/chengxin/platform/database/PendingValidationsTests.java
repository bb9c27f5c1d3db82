package cn.chengxin.platform.database;

import java.util.List;

import cn.chengxin.platform.database.PendingValidations.Check;
import cn.chengxin.platform.database.PendingValidations.ForeignKey;
import cn.chengxin.platform.database.PendingValidations.Validation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Gaps review xliv Y2: which validations of stored rows the pending scripts run, read from their text. */
class PendingValidationsTests {

    @Test
    void aValidationTakesItsConditionFromTheEarlierPendingScriptThatAddedItNotValid() {
        PendingValidations pending = new PendingValidations();
        assertThat(pending.read("V1", """
                -- ALTER TABLE creditfile.record VALIDATE CONSTRAINT in_a_comment;
                ALTER TABLE creditfile.record
                    ADD CONSTRAINT record_end CHECK (publish_until IS NULL OR publish_until >= (decision_date)) NOT VALID,
                    ADD CONSTRAINT record_item FOREIGN KEY (item_code, item_version)
                        REFERENCES catalog.item (code, version) NOT VALID;
                """)).as("added NOT VALID: nothing validated yet").isEmpty();
        assertThat(pending.read("V2", """
                ALTER TABLE creditfile.record VALIDATE CONSTRAINT record_end;
                ALTER TABLE ONLY creditfile.record VALIDATE CONSTRAINT record_item;
                ALTER TABLE listing.entry VALIDATE CONSTRAINT entry_earlier;
                """)).containsExactly(
                new Validation("V2", "creditfile.record", "record_end",
                        new Check("publish_until IS NULL OR publish_until >= (decision_date)")),
                new Validation("V2", "creditfile.record", "record_item",
                        new ForeignKey(List.of("item_code", "item_version"), "catalog.item",
                                List.of("code", "version"))),
                new Validation("V2", "listing.entry", "entry_earlier", null));
    }

    @Test
    void aConstraintAddedValidOnAStoredTableIsValidatedAtOnceButNotOnATableTheReleaseCreates() {
        PendingValidations pending = new PendingValidations();
        assertThat(pending.read("V1", """
                CREATE TABLE exchange.fresh (id int, partner text);
                ALTER TABLE exchange.fresh ADD CONSTRAINT fresh_partner FOREIGN KEY (partner) REFERENCES exchange.partner;
                ALTER TABLE exchange.received ADD CONSTRAINT received_partner
                    FOREIGN KEY (via_partner) REFERENCES exchange.partner (code);
                ALTER TABLE exchange.received ADD COLUMN note text, ADD CONSTRAINT note_short CHECK (length(note) < 9);
                """)).containsExactly(
                new Validation("V1", "exchange.received", "received_partner",
                        new ForeignKey(List.of("via_partner"), "exchange.partner", List.of("code"))),
                new Validation("V1", "exchange.received", "note_short", new Check("length(note) < 9")));
    }

    @Test
    void readsTheDefinitionsPostgresqlPrints() {
        assertThat(PendingValidations.condition("CHECK ((amount >= 0)) NOT VALID"))
                .isEqualTo(new Check("(amount >= 0)"));
        assertThat(PendingValidations.condition(
                "FOREIGN KEY (parent_id) REFERENCES upgrade_probe.parent(id) NOT VALID"))
                .isEqualTo(new ForeignKey(List.of("parent_id"), "upgrade_probe.parent", List.of("id")));
        assertThat(PendingValidations.condition("UNIQUE (code)")).isNull();
        assertThat(PendingValidations.refusesByItself("DO $$ BEGIN RAISE EXCEPTION 'rows'; END $$;")).isTrue();
    }
}
