package cn.chengxin.measures.persistence;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a group commit's checks add to the case tally ({@code measures.case_tally}, 案例统计): for each measure and
 * department, the checks it applied in and, of those, the ones that owe feedback on it. Counted here, on the audit
 * writer's thread, so that the database is sent one row per measure and department touched (none for a commit of
 * checks that hit nothing, most of them) rather than every check's codes to split, join and group: that grouping
 * cost the writer's transaction about a fifth of its statement time, whatever the batch held (session xxxix).
 *
 * <p>A check's codes are distinct ({@code Checks}), so a check counts once per measure, as the statement counted it.
 * Rows come sorted by measure and department: every commit updates the tally's rows in the same order.
 *
 * @param measures    measure codes, one per row
 * @param departments the checking departments, one per row
 * @param hits        checks in which the measure applied
 * @param owed        of those, checks owing feedback on it
 */
record TallyDelta(String[] measures, String[] departments, long[] hits, long[] owed) {

    static TallyDelta of(List<JdbcMeasures.CheckRow> checks) {
        Map<String, Map<String, long[]>> counted = null;
        for (JdbcMeasures.CheckRow check : checks) {
            if (check.measureCodes().isEmpty()) {
                continue;
            }
            if (counted == null) {
                counted = new TreeMap<>();
            }
            for (String code : check.measureCodes()) {
                Map<String, long[]> byDepartment = counted.computeIfAbsent(code, k -> new TreeMap<>());
                long[] n = byDepartment.computeIfAbsent(check.department(), k -> new long[2]);
                n[0]++;
                if (check.owedCodes().contains(code)) {
                    n[1]++;
                }
            }
        }
        if (counted == null) {
            return new TallyDelta(new String[0], new String[0], new long[0], new long[0]);
        }
        int rows = counted.values().stream().mapToInt(Map::size).sum();
        TallyDelta delta = new TallyDelta(new String[rows], new String[rows], new long[rows], new long[rows]);
        int i = 0;
        for (Map.Entry<String, Map<String, long[]>> measure : counted.entrySet()) {
            for (Map.Entry<String, long[]> department : measure.getValue().entrySet()) {
                delta.measures[i] = measure.getKey();
                delta.departments[i] = department.getKey();
                delta.hits[i] = department.getValue()[0];
                delta.owed[i] = department.getValue()[1];
                i++;
            }
        }
        return delta;
    }
}
