-- The public disclosure page (信用信息公示) finds shown records by their decision document number (issue #8).
CREATE INDEX record_shown_by_decision ON creditfile.record (decision_number)
    WHERE current AND status IN ('ACTIVE', 'IN_DISPUTE');
