-- Gaps review xxxv P2 (session xxxvi): 部门督办's feedback figures (measures.FeedbackFigures) counted every check of the
-- period at each view, a year's hundreds of millions of rows by December. They are now kept per closed day and
-- department, rolled up once a day (oversight.SupervisionDays) from that day's checks, and a period sums its kept days
-- and counts live only the days not kept (today, a day the roll-up has not reached). Small tables: a row per day and
-- department that made checks.
--
-- checks: every check of the day; owing: those whose measures owe feedback (cardinality(owed_codes) > 0); of these,
-- returned: feedback complete (NOT feedback_due); dropped: still without feedback but all their entries ended, so they
-- owe none any more (feedback_due AND entries_ended_on IS NOT NULL). The rest of owing is still open. returned and
-- dropped move after the day is kept: the transactions that complete a check's feedback or mark its entries ended add
-- to the kept row of the check's day (JdbcMeasures), under a shared advisory lock of that day that the roll-up takes
-- exclusively, so a change is counted by the roll-up or added to its row, never both nor neither.
CREATE TABLE measures.feedback_day (
    day             date   NOT NULL,
    department_code text   NOT NULL,
    checks          bigint NOT NULL,
    owing           bigint NOT NULL,
    returned        bigint NOT NULL,
    dropped         bigint NOT NULL,
    PRIMARY KEY (day, department_code)
);

-- The days kept (a day without checks too): inserted in the transaction that writes the day's rows, so a day is kept
-- whole or not at all, and two instances never keep it twice.
CREATE TABLE measures.feedback_day_kept (
    day     date        PRIMARY KEY,
    kept_at timestamptz NOT NULL
);
