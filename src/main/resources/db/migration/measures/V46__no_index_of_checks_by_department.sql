-- No query reads checks by department and time: a check is found by its id (primary key), the feedback still owed by
-- the partial index on feedback_due, the case figures by a scan of all checks. The index cost every audited check an
-- entry (some 5 µs of database CPU of the ~65 a check costs) and was larger than the primary key.
DROP INDEX measures.check_by_department;
