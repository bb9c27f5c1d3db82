package cn.chengxin.demo;

import java.time.Instant;

/**
 * The synthetic population a database holds; every screen that shows data says it is synthetic.
 *
 * @param completedAt {@code null} while it loads, or if its loading was interrupted (finished at the next start)
 */
public record DemoDataset(String city, long seed, int residents, int organisations, Instant completedAt,
                          long durationMillis) {
}
