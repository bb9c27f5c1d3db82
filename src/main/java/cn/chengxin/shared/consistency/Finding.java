package cn.chengxin.shared.consistency;

import java.util.List;

/** What a consistency check found: how many rows break its rule, and a few of their ids to start from. */
public record Finding(String check, long count, List<String> examples) {

    public Finding {
        examples = List.copyOf(examples);
    }
}
