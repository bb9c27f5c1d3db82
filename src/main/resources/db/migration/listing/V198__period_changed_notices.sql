-- A department's correction of the record an entry in force rests on can move the entry's last day, later as well as
-- earlier (Listing.recheck). The effective notice gave the old day; the subject now receives a notice of the new one
-- with the reason and the right to object (RULES.md §5, §7), served as the exit notice is (NoticeServing).
ALTER TABLE listing.notice DROP CONSTRAINT notice_kind_check;
ALTER TABLE listing.notice ADD CONSTRAINT notice_kind_check
    CHECK (kind IN ('PRIOR', 'PUBLIC', 'EFFECTIVE', 'EXIT', 'PERIOD_CHANGED'));
