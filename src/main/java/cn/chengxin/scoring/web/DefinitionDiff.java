package cn.chengxin.scoring.web;

import java.util.ArrayList;
import java.util.List;

/**
 * A pending model's definition line by line against the active one's (both as indented JSON), so that the approver
 * sees what the version changes before activating it (maker-checker: the checker reviews the change, not a name).
 * Longest common subsequence of lines: definitions are a few hundred lines.
 */
public record DefinitionDiff(List<Line> lines) {

    public enum Kind { SAME, ADDED, REMOVED }

    public record Line(Kind kind, String text) {

        /** The line as shown: "+ ", "- " or two spaces before it. */
        public String shown() {
            return (kind == Kind.ADDED ? "+ " : kind == Kind.REMOVED ? "- " : "  ") + text;
        }
    }

    static DefinitionDiff of(String active, String pending) {
        String[] a = active.split("\n", -1);
        String[] b = pending.split("\n", -1);
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Line> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                lines.add(new Line(Kind.SAME, a[i++]));
                j++;
            } else if (i < a.length && (j == b.length || common[i + 1][j] >= common[i][j + 1])) {
                lines.add(new Line(Kind.REMOVED, a[i++]));
            } else {
                lines.add(new Line(Kind.ADDED, b[j++]));
            }
        }
        return new DefinitionDiff(lines);
    }

    public boolean unchanged() {
        return lines.stream().allMatch(l -> l.kind() == Kind.SAME);
    }
}
