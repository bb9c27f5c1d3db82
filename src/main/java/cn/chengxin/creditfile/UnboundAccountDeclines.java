package cn.chengxin.creditfile;

import cn.chengxin.account.CitizenAccountUnbound;
import cn.chengxin.shared.City;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Finding G1: the honours an account declined before the credit office unbound it as registered in the person's name
 * are recorded again ({@link Declines#undoSince}), in the unbinding's transaction.
 */
@Component
class UnboundAccountDeclines {

    private final Declines declines;
    private final City city;

    UnboundAccountDeclines(Declines declines, City city) {
        this.declines = declines;
        this.city = city;
    }

    @EventListener
    void on(CitizenAccountUnbound unbound) {
        declines.undoSince(unbound.subjectId(), unbound.accountCreatedAt(), city.creditOffice(),
                "冒名注册的账号已解绑，其拒绝记录的选择撤销，恢复记录");
    }
}
