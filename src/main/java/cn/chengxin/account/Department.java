package cn.chengxin.account;

import java.util.List;
import java.util.UUID;

/**
 * 部门: a data-providing or responding unit, or the credit office; its scope limits what its users see (RULES.md §10):
 * {@code dataScope} names the items whose records it delivered that it sees, {@code sharedReadScope} the items whose
 * records other departments delivered that it reads too, granted per item for a stated duty (none by default).
 */
public record Department(UUID id, String code, String name, Kind kind, List<String> dataScope, boolean active,
                         List<String> sharedReadScope) {

    public Department {
        dataScope = List.copyOf(dataScope);
        sharedReadScope = sharedReadScope == null ? List.of() : List.copyOf(sharedReadScope);
    }

    /** A department that reads no other department's records. */
    public Department(UUID id, String code, String name, Kind kind, List<String> dataScope, boolean active) {
        this(id, code, name, kind, dataScope, active, List.of());
    }

    public enum Kind {
        CREDIT_OFFICE("信用办"), DATA_PROVIDER("数据提供单位"), RESPONDING_UNIT("联合奖惩实施单位");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
