package cn.chengxin.demo;

import java.time.Instant;

/** The synthetic population a database holds; every screen that shows data says it is synthetic. */
public record DemoDataset(String city, long seed, int residents, int organisations, Instant completedAt,
                          long durationMillis) {
}
