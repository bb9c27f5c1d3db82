-- Gaps review xxxvii-api R4: the departments providing an item are told of each approved change of it (消息通知 in
-- their console, 工作台), and say they have read it (知悉), which the credit office sees beside the change.
CREATE TABLE catalog.change_notice (
    change_seq      bigint      NOT NULL,
    department_code text        NOT NULL,
    code            text        NOT NULL,
    version         int         NOT NULL,
    notified_at     timestamptz NOT NULL,
    acknowledged_by text,
    acknowledged_at timestamptz,
    PRIMARY KEY (department_code, change_seq)
);

CREATE INDEX change_notice_unread ON catalog.change_notice (department_code) WHERE acknowledged_at IS NULL;
