package cn.chengxin.shared.jdbc;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * N5 of gaps-review-xxxiii (rest): an instance starting after a daily job's time runs the days not done at once, once
 * across the instances, rather than at the next firing of the cron. Two {@link MissedDays} over the one database stand
 * for two instances starting.
 */
@IntegrationTest
class MissedDaysIT {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Autowired
    ClusterJobs cluster;

    @Autowired
    Clock clock;

    @Test
    void theDaysMissedAreRunAtStartOnceAcrossInstances() {
        String name = "test.missed-" + UUID.randomUUID();
        List<LocalDate> run = new CopyOnWriteArrayList<>();
        DailyJob job = new DailyJob() {
            @Override
            public String job() {
                return name;
            }

            @Override
            public String cron() {
                return "0 0 8 * * *";
            }

            @Override
            public void runDay(LocalDate day) {
                cluster.runDaily(name, day, 31, run::add);
            }
        };
        MissedDays one = new MissedDays(List.of(job), cluster, clock, false);
        MissedDays other = new MissedDays(List.of(job), cluster, clock, false);
        ZonedDateTime morning = ZonedDateTime.of(2026, 12, 4, 9, 0, 0, 0, BEIJING);

        assertThat(one.catchUp(morning.toInstant())).as("a job that never ran waits for its cron").isEmpty();
        cluster.runDaily(name, LocalDate.of(2026, 12, 1), 0, day -> { });

        // Every instance was down at 08:00 on the 2nd, 3rd and 4th; one starts at 09:00 on the 4th.
        assertThat(one.catchUp(morning.toInstant())).containsExactly(name);
        assertThat(run).containsExactly(LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 3),
                LocalDate.of(2026, 12, 4));
        assertThat(other.catchUp(morning.toInstant())).as("the second instance starting finds them done").isEmpty();

        // Before 08:00 on the 5th, the 5th is not due yet.
        assertThat(other.catchUp(morning.plusHours(22).toInstant())).isEmpty();
        assertThat(run).hasSize(3);
    }

    @Test
    void theLastFiringIsInBeijingTimeAndADisabledCronHasNone() {
        ZonedDateTime utcEvening = ZonedDateTime.of(2026, 12, 4, 23, 30, 0, 0, ZoneId.of("UTC"));
        assertThat(MissedDays.lastFiring("0 30 1 * * *", utcEvening.withZoneSameInstant(BEIJING)))
                .as("07:30 on the 5th in Beijing: the 5th's 01:30 has fired").hasValue(LocalDate.of(2026, 12, 5));
        assertThat(MissedDays.lastFiring("0 0 8 * * *", utcEvening.withZoneSameInstant(BEIJING)))
                .hasValue(LocalDate.of(2026, 12, 4));
        assertThat(MissedDays.lastFiring("-", utcEvening)).isEmpty();
    }
}
