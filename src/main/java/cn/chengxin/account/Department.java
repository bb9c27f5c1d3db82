package cn.chengxin.account;

import java.util.List;
import java.util.UUID;

/** 部门: a data-providing or responding unit, or the credit office; its scope limits what its users see. */
public record Department(UUID id, String code, String name, Kind kind, List<String> dataScope, boolean active) {

    public Department {
        dataScope = List.copyOf(dataScope);
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
