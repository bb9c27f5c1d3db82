package cn.chengxin.inquiry.persistence;

import java.time.Clock;

import cn.chengxin.shared.jdbc.RequestKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The Idempotency-Keys of institutions' report requests (V365), each answered with a report's number. */
@Repository
public class ReportRequestKeys extends RequestKeys {

    public ReportRequestKeys(JdbcClient jdbc, Clock clock) {
        super(jdbc, "inquiry.report_request_key", clock);
    }
}
