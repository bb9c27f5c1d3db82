-- 案例统计: feedback is owed only on the measures a check returned because of a list entry (V52), yet the tally counted
-- feedback returned and measures applied over every hit, clean-record incentives (owed none, fed back at will) among
-- them, so "returned" and "applied" could not be read against "owed": a department reporting on its incentives looked
-- as if it had reported on its punishments, and owed minus returned was not what it still owed. Per measure and
-- department, the feedback returned and the measures applied among the hits that owed feedback.
ALTER TABLE measures.case_tally
    ADD COLUMN returned_owed bigint NOT NULL DEFAULT 0 CHECK (returned_owed >= 0),
    ADD COLUMN applied_owed  bigint NOT NULL DEFAULT 0 CHECK (applied_owed >= 0);

UPDATE measures.case_tally t SET returned_owed = s.returned, applied_owed = s.applied
FROM (SELECT f.measure_code, c.department_code, count(*) AS returned, count(*) FILTER (WHERE f.applied) AS applied
      FROM measures.feedback f JOIN measures.check_made c ON c.id = f.check_id
      WHERE f.measure_code = ANY (c.owed_codes)
      GROUP BY f.measure_code, c.department_code) s
WHERE t.measure_code = s.measure_code AND t.department_code = s.department_code;
