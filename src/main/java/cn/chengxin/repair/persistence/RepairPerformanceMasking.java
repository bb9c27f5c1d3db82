package cn.chengxin.repair.persistence;

import java.util.UUID;

import cn.chengxin.shared.jdbc.MaskingTexts;
import cn.chengxin.shared.privacy.CitizensTexts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A repair application's account of performance (Repairs masks it on applying), for the one-time pass over those
 * stored before (V117).
 */
@Component
class RepairPerformanceMasking implements CitizensTexts {

    private final JdbcClient jdbc;

    RepairPerformanceMasking(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String code() {
        return "repair.application.performance";
    }

    @Override
    public Masked maskAfter(UUID after, int size) {
        return MaskingTexts.maskAfter(jdbc, "repair.application", "performance", after, size);
    }
}
