package cn.chengxin.commitment.persistence;

import java.time.Clock;

import cn.chengxin.shared.jdbc.RequestKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The Idempotency-Keys of departments' requests to record a commitment (V366), each answered with its id. */
@Repository
public class CommitmentRequestKeys extends RequestKeys {

    public CommitmentRequestKeys(JdbcClient jdbc, Clock clock) {
        super(jdbc, "commitment.request_key", clock);
    }
}
