package cn.chengxin.shared.consistency;

import java.util.ArrayList;
import java.util.List;

/** Counts the rows a check finds at fault, keeping the first few ids as examples. Not thread-safe. */
public final class Tally {

    private final String check;
    private final int examples;
    private final List<String> kept = new ArrayList<>();
    private long count;

    public Tally(String check, int examples) {
        this.check = check;
        this.examples = examples;
    }

    public void add(String id) {
        count++;
        if (kept.size() < examples) {
            kept.add(id);
        }
    }

    public Finding finding() {
        return new Finding(check, count, kept);
    }
}
