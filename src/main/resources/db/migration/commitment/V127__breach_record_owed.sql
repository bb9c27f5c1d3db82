-- A reported breach owes its 违背信用承诺信息 record until collection takes it (status BREACHED_RECORD_OWED; issue #8):
-- the daily run submits it again, so the decision it cites is kept with the commitment.
ALTER TABLE commitment.commitment
    ADD COLUMN breach_decision_number text,
    ADD COLUMN breach_decision_date   date;
