-- What a department should know of a row accepted all the same (gaps review xxv H6): a row that named its subject by a
-- former name (曾用名) of its decision date is stored under the subject, and its department is told SUBJECT_FORMER_NAME
-- beside the errors, so that it uses the current name from now on. Named as a rejected row is (V57, V66): its line,
-- its own key and its number, masked.
CREATE TABLE ingestion.row_warning (
    batch_id         uuid   NOT NULL REFERENCES ingestion.batch (id),
    line             bigint NOT NULL,
    field            text   NOT NULL,
    code             text   NOT NULL,
    message          text   NOT NULL,
    source_record_id text,
    subject_masked   text
);
CREATE INDEX row_warning_by_batch ON ingestion.row_warning (batch_id, line);
