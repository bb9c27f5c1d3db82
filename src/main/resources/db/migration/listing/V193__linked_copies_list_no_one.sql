-- A responsible person's copy of his organisation's record (RULES.md §1: the organisation's dishonesty is recorded on
-- its legal representative, principal person in charge and directly responsible persons) is no longer read as his own
-- dishonesty (OwnConduct, RULES.md §7): it proposes him for no list, ends none of his red entries and does not date his
-- last negative record. Before, it did all three: the legal representative of a 失信被执行人 company was proposed for
-- the black list as a 失信被执行人 himself. A one-time pass started here (version 2 of the pass of V121,
-- RecheckingNegativeMarks) evaluates every subject holding a dated mark again, a chunk per transaction: every holder of
-- a copy in use holds one, since the copy dated it. His mark is redone without the copies, and each entry resting on a
-- copy ends — a proposal still waiting for review as well as an entry in force, whose measures had no basis naming him
-- (国办发〔2020〕49号: punishment stops at exit) — with an exit notice giving the reason, as any entry's end has.
-- A database with no dated mark (a new one) has nothing to pass: its pass starts finished.
INSERT INTO listing.catch_up_pass (job_code, job_version, started_at, progressed_at, finished_at)
SELECT 'NEGATIVE_MARK_IN_USE', 2, now(), now(),
       CASE WHEN EXISTS (SELECT 1 FROM listing.negative_mark WHERE last_negative IS NOT NULL) THEN NULL ELSE now() END;
