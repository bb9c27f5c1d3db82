-- Restores of the database that an operator confirmed (gaps review xxxiii N2; README 备份与恢复). Each is also a
-- sealed audit event (audit.restore.confirm), which is what verification believes; this table lets an instance that
-- starts after another confirmed the restore find it without reading the whole log.
CREATE TABLE audit.restore (
    id        bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name      text        NOT NULL UNIQUE,      -- as the operator named it (chengxin.restore.confirm)
    at        timestamptz NOT NULL,
    position  bigint      NOT NULL,             -- the audit log's size when the restore was confirmed
    reached   bigint      NOT NULL              -- the size the log had reached before, by the marks kept outside
);
