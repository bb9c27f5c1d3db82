package cn.chengxin.platform.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The notice a breaking change of {@code /api/v1} owes its clients (gaps review xliv Y5, the lead's decision; the
 * policy at the head of docs/api-changelog.md): a <b>breaking</b> entry announced on or after {@link #POLICY_FROM}
 * says {@code **Effective:** <date>}, at least {@link #NOTICE_DAYS} days after the day it is listed under, the old
 * form served until then; or {@code **Immediate:** <reason>} citing the rule of RULES.md that forces it. Entries
 * before the policy, dated with their commits, are left as they were.
 */
final class BreakingNotice {

    static final LocalDate POLICY_FROM = LocalDate.parse("2026-12-08");
    static final int NOTICE_DAYS = 30;

    private static final Pattern DAY = Pattern.compile("(?m)^## (\\d{4}-\\d{2}-\\d{2})\\s*$");
    private static final Pattern ENTRY = Pattern.compile("(?m)^### (.*)$");
    private static final Pattern EFFECTIVE = Pattern.compile("(?m)^\\*\\*Effective:\\*\\* (\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern IMMEDIATE = Pattern.compile("(?m)^\\*\\*Immediate:\\*\\* (.+)$");
    private static final Pattern QUOTED = Pattern.compile("`([^`]+)`");

    private BreakingNotice() {
    }

    /** One breaking entry: the day it is listed under, its heading and its text. */
    record Entry(LocalDate announced, String heading, String text) {

        LocalDate effective() {
            Matcher m = EFFECTIVE.matcher(text);
            return m.find() ? LocalDate.parse(m.group(1)) : null;
        }

        String immediate() {
            Matcher m = IMMEDIATE.matcher(text);
            return m.find() ? m.group(1) : null;
        }
    }

    /** The breaking entries of the changelog, in its order. */
    static List<Entry> breaking(String changelog) {
        List<Entry> entries = new ArrayList<>();
        Matcher day = DAY.matcher(changelog);
        List<int[]> bounds = new ArrayList<>();
        List<LocalDate> days = new ArrayList<>();
        while (day.find()) {
            if (!bounds.isEmpty()) {
                bounds.get(bounds.size() - 1)[1] = day.start();
            }
            bounds.add(new int[] {day.end(), changelog.length()});
            days.add(LocalDate.parse(day.group(1)));
        }
        for (int i = 0; i < bounds.size(); i++) {
            String section = changelog.substring(bounds.get(i)[0], bounds.get(i)[1]);
            Matcher entry = ENTRY.matcher(section);
            List<int[]> starts = new ArrayList<>();
            while (entry.find()) {
                starts.add(new int[] {entry.start(), entry.end()});
            }
            for (int e = 0; e < starts.size(); e++) {
                String heading = section.substring(starts.get(e)[0] + 4, starts.get(e)[1]);
                int end = e + 1 < starts.size() ? starts.get(e + 1)[0] : section.length();
                if (heading.contains("**breaking**")) {
                    entries.add(new Entry(days.get(i), heading, section.substring(starts.get(e)[1], end)));
                }
            }
        }
        return entries;
    }

    /** What is wrong with each breaking entry announced under the policy; empty when every one gives its notice. */
    static List<String> violations(String changelog) {
        List<String> wrong = new ArrayList<>();
        for (Entry entry : breaking(changelog)) {
            if (entry.announced().isBefore(POLICY_FROM)) {
                continue;
            }
            LocalDate effective = entry.effective();
            String immediate = entry.immediate();
            if (effective != null) {
                if (effective.isBefore(entry.announced().plusDays(NOTICE_DAYS))) {
                    wrong.add("%s %s: effective %s, less than %d days after its announcement".formatted(
                            entry.announced(), entry.heading(), effective, NOTICE_DAYS));
                }
            } else if (immediate == null || !immediate.contains("RULES.md")) {
                wrong.add(("%s %s: neither **Effective:** <a day at least %d days later> nor **Immediate:** <the rule "
                        + "of RULES.md that forces it>").formatted(entry.announced(), entry.heading(), NOTICE_DAYS));
            }
        }
        return wrong;
    }

    /**
     * The names (in backquotes) of breaking changes announced but not yet in effect on {@code today}, with their
     * effective day: the document must still serve the old form of each.
     */
    static Map<String, LocalDate> pending(String changelog, LocalDate today) {
        Map<String, LocalDate> pending = new HashMap<>();
        for (Entry entry : breaking(changelog)) {
            LocalDate effective = entry.effective();
            if (effective != null && effective.isAfter(today)) {
                Matcher name = QUOTED.matcher(entry.heading() + "\n" + entry.text());
                while (name.find()) {
                    pending.put(name.group(1).strip(), effective);
                }
            }
        }
        return pending;
    }
}
