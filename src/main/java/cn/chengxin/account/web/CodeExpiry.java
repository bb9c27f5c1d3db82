package cn.chengxin.account.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/**
 * What a text-code page says of the code's time (gaps review xxxv O6, WCAG 2.2.1): the clock time it runs out, in the
 * platform's zone and to the minute, and the seconds left, from which {@code js/app.js} counts the minutes down by the
 * reader's own clock (a phone's may be off). Shown by {@code fragments/code-expiry}.
 *
 * @param at          the clock time the code runs out
 * @param secondsLeft how long it has left; zero once run out
 */
record CodeExpiry(LocalTime at, long secondsLeft) {

    static CodeExpiry of(Instant expiresAt, Clock clock) {
        return new CodeExpiry(LocalTime.ofInstant(expiresAt, clock.getZone()).truncatedTo(ChronoUnit.MINUTES),
                Math.max(0, Duration.between(clock.instant(), expiresAt).toSeconds()));
    }
}
