-- Gaps review xli V7 (RULES.md §5; 征信业管理条例 Art. 25: an objection is answered within 20 days of receipt, whatever
-- its pauses). ObjectionDeadlines caps every deadline it computes at the ceiling and never before receipt (a case's own
-- deadline, one moved by a pause, one brought forward by a revoked basis); the table now refuses a due date outside
-- those 20 days, and a status or outcome the code does not know (ObjectionStatus, Outcome: one unknown value breaks
-- valueOf on every page that shows the case). A decided case has its outcome and time, an open one neither
-- (JdbcObjections.decide sets the three at once; nothing reopens a case: a review is a case of its own).
-- Not a CHECK of department_due <= due_on: a revoked basis brings the case's deadline forward and leaves the
-- department's (Objections, withdrawal). A small table.
ALTER TABLE objection.objection
    ADD CONSTRAINT objection_status_known CHECK (status IN ('RECEIVED', 'WITH_DEPARTMENT', 'DECIDED')),
    ADD CONSTRAINT objection_outcome_known CHECK (outcome IN ('DELETE', 'CORRECT', 'SUPPLEMENT', 'STOP_DISPLAY',
        'REMOVE_FROM_LIST', 'UPHOLD', 'ENDED_WITH_ORIGIN', 'REVOKED_BY_DEPARTMENT')),
    ADD CONSTRAINT objection_decided_whole CHECK ((status = 'DECIDED') = (outcome IS NOT NULL)
        AND (status = 'DECIDED') = (decided_at IS NOT NULL)),
    ADD CONSTRAINT objection_within_the_ceiling CHECK (due_on BETWEEN received_on AND received_on + 20);
