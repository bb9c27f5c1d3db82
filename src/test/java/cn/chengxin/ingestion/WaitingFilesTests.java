package cn.chengxin.ingestion;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gaps review xliii X9: a department's back-load does not hold the other departments' daily files on the instance's
 * one file worker (RULES.md §12: records built within 5 working days); a department's own files keep their order.
 */
class WaitingFilesTests {

    private final WaitingFiles files = new WaitingFiles();
    private final List<String> ran = new ArrayList<>();

    @Test
    void aDailyFileArrivingBehindABackLoadsNextFileIsTakenBeforeIt() {
        file("A", "back-load 1");
        file("A", "back-load 2 (two million rows)");
        take(); // back-load 1 runs
        file("B", "daily");

        take();
        take();
        assertThat(ran).containsExactly("A back-load 1", "B daily", "A back-load 2 (two million rows)");
        assertThat(files.take()).as("none left").isNull();
    }

    @Test
    void departmentsTakeTurnsAndEachKeepsItsOrder() {
        file("A", "1");
        file("A", "2");
        file("A", "3");
        file("B", "1");
        file("B", "2");
        file("C", "1");

        for (int i = 0; i < 6; i++) {
            take();
        }
        assertThat(ran).containsExactly("A 1", "B 1", "C 1", "A 2", "B 2", "A 3");
    }

    @Test
    void aDepartmentAloneIsFirstInFirstOut() {
        file("A", "1");
        take();
        file("A", "2");
        file("A", "3");
        take();
        file("B", "1");
        file("A", "4");
        take();
        take();
        take();
        assertThat(ran).containsExactly("A 1", "A 2", "B 1", "A 3", "A 4");
    }

    private void file(String department, String name) {
        files.add(department, () -> ran.add(department + " " + name));
    }

    private void take() {
        files.take().run();
    }
}
