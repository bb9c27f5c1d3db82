package cn.chengxin.portal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The tip-off form's protection ({@code chengxin.portal.tipoffs.*}): at most {@code limit} tip-offs per
 * client address within {@code window}; a challenge is valid for {@code challengeTtl}. The status page answers at
 * most {@code statusLooksPerMinute} look-ups of a receipt code per client a minute: a holder looks up his own code now
 * and then, and trying codes one after another is what it stops.
 */
@ConfigurationProperties("chengxin.portal.tipoffs")
public record TipOffSettings(@DefaultValue("5") int limit, @DefaultValue("10m") Duration window,
                             @DefaultValue("15m") Duration challengeTtl,
                             @DefaultValue("10") int statusLooksPerMinute) {
}
