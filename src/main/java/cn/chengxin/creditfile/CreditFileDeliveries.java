package cn.chengxin.creditfile;

import cn.chengxin.account.DepartmentDeliveries;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The departments' deliveries as the credit file keeps them: {@code creditfile.last_received} holds one row per
 * department and item it ever received a record of (V216), a small table, never a record's content.
 */
@Component
class CreditFileDeliveries implements DepartmentDeliveries {

    private final JdbcClient jdbc;

    CreditFileDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int itemsDeliveredBy(String departmentCode) {
        return jdbc.sql("SELECT count(*) FROM creditfile.last_received WHERE department_code = ?")
                .param(departmentCode).query(Integer.class).single();
    }
}
