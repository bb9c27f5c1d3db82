package cn.chengxin.exchange.domain;

/**
 * What a partner is to this platform. The parent is pushed to and is authoritative on conflicts (RULES.md §6, §11:
 * 信用中国 is authoritative where platforms differ), so it may relay any platform's messages downward; a child relays
 * upward only what the platforms below it issued ({@link #mayRelay}); a peer speaks only for the records it collected
 * itself.
 */
public enum Relation {
    PARENT("上级平台"), CHILD("下级平台"), PEER("协作平台");

    private final String label;

    Relation(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * Whether a message that {@code source} issued may arrive through this partner, {@code sender} at {@code level}
     * (RULES.md §11: city ↔ province ↔ nation). A child relays what comes up from below it: platforms whose GB/T 2260
     * code lies in its region (a province's cities and counties share its first two digits, a city's counties its
     * first four). A sibling's, a peer's or an unknown platform's message never comes up through a child.
     */
    public boolean mayRelay(String sender, PlatformLevel level, String source) {
        return switch (this) {
            case PARENT -> true;
            case PEER -> false;
            case CHILD -> level != PlatformLevel.NATION && regionCode(sender) && regionCode(source)
                    && !source.equals(sender)
                    && source.startsWith(sender.substring(0, level == PlatformLevel.PROVINCE ? 2 : 4));
        };
    }

    /**
     * Whether another platform's message of {@code kind} goes on to a partner of this relation. Up to the parent
     * everything relayed goes, records and list entries: records are pushed upward (RULES.md §11). Down to a child,
     * or across to the other children, list entries only: what a lower platform uses of what it receives is the list
     * entries its checks and benefits read ("receive national lists downward", RULES.md §11; 一处失信，处处受限); a
     * record received from elsewhere is shown by no page, report, disclosure or check of a platform and would be kept
     * there only to be relayed and reconciled. Sending it down would hand identity numbers and penalties to platforms
     * that have no purpose for them (PIPL Art. 6: processing limited to the minimum its purpose needs). A peer gets
     * nothing relayed.
     */
    public boolean takesRelayed(MessageKind kind) {
        return switch (this) {
            case PARENT -> true;
            case CHILD -> kind == MessageKind.LIST_ENTRY;
            case PEER -> false;
        };
    }

    private static boolean regionCode(String code) {
        return code.length() == 6 && code.chars().allMatch(Character::isDigit);
    }
}
