package cn.chengxin.shared.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.util.List;

import org.springframework.boot.ApplicationArguments;

/** What the command-line programs (generate, bench-*) share: their options and the heap figure they print. */
public final class CommandOptions {

    private CommandOptions() {
    }

    /** {@code --name N} (underscores allowed: 1_000_000), or the fallback when absent. */
    public static int intOption(ApplicationArguments args, String name, int fallback) {
        List<String> raw = List.of(args.getSourceArgs());
        int i = raw.indexOf("--" + name);
        return i >= 0 && i + 1 < raw.size() ? Integer.parseInt(raw.get(i + 1).replace("_", "")) : fallback;
    }

    /** {@code --name VALUE}, or null when absent or followed by another option. */
    public static String value(ApplicationArguments args, String name) {
        List<String> raw = List.of(args.getSourceArgs());
        int i = raw.indexOf("--" + name);
        return i < 0 || i + 1 >= raw.size() || raw.get(i + 1).startsWith("--") ? null : raw.get(i + 1);
    }

    /** Every {@code --name VALUE} of an option given more than once, in order; values that are options left out. */
    public static List<String> values(ApplicationArguments args, String name) {
        String[] raw = args.getSourceArgs();
        List<String> values = new java.util.ArrayList<>();
        for (int i = 0; i + 1 < raw.length; i++) {
            if (("--" + name).equals(raw[i]) && !raw[i + 1].startsWith("--")) {
                values.add(raw[i + 1]);
            }
        }
        return values;
    }

    /** Whether the flag {@code --name} is given. */
    public static boolean flag(ApplicationArguments args, String name) {
        return List.of(args.getSourceArgs()).contains("--" + name);
    }

    /**
     * The old generation's peak: what stays live. The heap itself is capped by -Xmx (a run that does not fit
     * fails), and summing each pool's peak would overstate it.
     */
    public static long peakOldGenerationBytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.getName().contains("Old"))
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
