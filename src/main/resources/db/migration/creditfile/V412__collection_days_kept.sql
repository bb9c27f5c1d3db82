-- Gaps review xxxv P2 (session xxxvi): 部门督办's collection delays and 数据质量's timeliness (creditfile.
-- CollectionFigures) grouped every first version received in the period at each view, the year's records by December.
-- They are now kept per closed day of receipt, department and decision date, rolled up once a day
-- (oversight.SupervisionDays) from that day's records, and a period sums its kept days and counts live only the days
-- not kept (today, a day the roll-up has not reached). A first version is never changed nor deleted, so a kept day
-- stays true. A row per day, department and decision date received.
CREATE TABLE creditfile.collection_day (
    day             date   NOT NULL,
    department_code text   NOT NULL,
    decision_date   date   NOT NULL,
    records         bigint NOT NULL,
    PRIMARY KEY (day, department_code, decision_date)
);

-- The days kept (a day without records too), inserted in the transaction that writes the day's rows.
CREATE TABLE creditfile.collection_day_kept (
    day     date        PRIMARY KEY,
    kept_at timestamptz NOT NULL
);
