package cn.chengxin.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The settings meant for development and tests only, and which of them are on. In production each one opens a door:
 * the demo administrators with the password printed in the README, the public {@code /dev/sms} page showing every
 * registration and recovery code, a real-name check that accepts a synthetic phone for any identity number, keys made
 * up on the spot, identity numbers sent to partners, and phones and codes to the SMS provider, over plain HTTP (RULES.md
 * §9 real-name verification, §10 least privilege and protected identity data; gaps review xxvii I3, xxxiii N6).
 */
final class DevelopmentSwitches {

    /**
     * One development setting: its property, the environment variable that usually sets it, its "on" value, and
     * whether it lets a stranger in (demo logins, the codes of {@code /dev/sms}, the synthetic real-name check, a
     * synthetic population), so that even the demo keeps it to a database on its own machine.
     */
    record Switch(String property, String on, boolean opensTheData) {

        /** The environment variable Spring's relaxed binding reads for the property. */
        public String variable() {
            return property.replace('.', '_').replace("-", "").toUpperCase(Locale.ROOT);
        }

        @Override
        public String toString() {
            return property + "=" + on + " (" + variable() + ")";
        }
    }

    /** Every development switch, in the order the refusal names them. */
    static final List<Switch> ALL = List.of(
            new Switch("chengxin.db.embedded-allowed", "true", false),
            new Switch("chengxin.keys.generate-missing", "true", false),
            new Switch("chengxin.demo.seed-on-empty", "true", true),
            new Switch("chengxin.demo.accounts", "true", true),
            new Switch("chengxin.sms.gateway", "dev", true),
            new Switch("chengxin.realname.verifier", "dev", true),
            new Switch("chengxin.exchange.allow-plain-http", "true", false),
            new Switch("chengxin.sms.http.allow-plain-http", "true", false));

    private DevelopmentSwitches() {
    }

    /** The switches that are on, reading each property's value (null when unset) through {@code settings}. */
    static List<Switch> on(UnaryOperator<String> settings) {
        List<Switch> on = new ArrayList<>();
        for (Switch s : ALL) {
            String value = settings.apply(s.property());
            if (value != null && value.trim().equalsIgnoreCase(s.on())) {
                on.add(s);
            }
        }
        return List.copyOf(on);
    }
}
