package cn.chengxin.objection.persistence;

import java.util.UUID;

import cn.chengxin.shared.jdbc.MaskingTexts;
import cn.chengxin.shared.privacy.CitizensTexts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An objection's reasons (Objections.checkedReasons masks them on filing), for the one-time pass over those stored
 * before (V117).
 */
@Component
class ObjectionReasonsMasking implements CitizensTexts {

    private final JdbcClient jdbc;

    ObjectionReasonsMasking(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String code() {
        return "objection.objection.reasons";
    }

    @Override
    public Masked maskAfter(UUID after, int size) {
        return MaskingTexts.maskAfter(jdbc, "objection.objection", "reasons", after, size);
    }
}
