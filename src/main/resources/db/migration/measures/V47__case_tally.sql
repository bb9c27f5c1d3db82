-- 案例统计 per measure and department, kept up to date in the transaction that stores each check (the audit writer's
-- group commit) and each feedback, so that the credit office's figures cost a read of a few rows instead of a scan
-- of every check ever made (some seconds after a city's year of checks).
CREATE TABLE measures.case_tally (
    measure_code    text   NOT NULL,
    department_code text   NOT NULL,
    hits            bigint NOT NULL DEFAULT 0 CHECK (hits >= 0),     -- checks that returned the measure
    returned        bigint NOT NULL DEFAULT 0 CHECK (returned >= 0), -- of them, feedback given
    applied         bigint NOT NULL DEFAULT 0 CHECK (applied >= 0),  -- of them, the measure applied
    PRIMARY KEY (measure_code, department_code)
);

INSERT INTO measures.case_tally (measure_code, department_code, hits, returned, applied)
SELECT m.code, c.department_code, count(*), count(f.check_id), count(*) FILTER (WHERE f.applied)
FROM measures.check_made c CROSS JOIN LATERAL unnest(c.measure_codes) AS m(code)
LEFT JOIN measures.feedback f ON f.check_id = c.id AND f.measure_code = m.code
GROUP BY m.code, c.department_code;
