package cn.chengxin.inquiry.persistence;

import java.util.UUID;

import cn.chengxin.shared.jdbc.MaskingTexts;
import cn.chengxin.shared.privacy.CitizensTexts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A 本人声明 (Statements masks it on adding), for the one-time pass over those stored before (V117). */
@Component
class StatementTextMasking implements CitizensTexts {

    private final JdbcClient jdbc;

    StatementTextMasking(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String code() {
        return "inquiry.statement.text";
    }

    @Override
    public Masked maskAfter(UUID after, int size) {
        return MaskingTexts.maskAfter(jdbc, "inquiry.statement", "text", after, size);
    }
}
