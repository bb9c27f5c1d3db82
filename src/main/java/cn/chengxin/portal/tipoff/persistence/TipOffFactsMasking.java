package cn.chengxin.portal.tipoff.persistence;

import java.util.UUID;

import cn.chengxin.shared.jdbc.MaskingTexts;
import cn.chengxin.shared.privacy.CitizensTexts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A tip-off's facts (TipOffDesk masks them on filing), for the one-time pass over those stored before (V117). */
@Component
class TipOffFactsMasking implements CitizensTexts {

    private final JdbcClient jdbc;

    TipOffFactsMasking(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String code() {
        return "portal.tipoff.facts";
    }

    @Override
    public Masked maskAfter(UUID after, int size) {
        return MaskingTexts.maskAfter(jdbc, "portal.tipoff", "facts", after, size);
    }
}
