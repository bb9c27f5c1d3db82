-- 信用等级变动通知 are derived from the score history (JdbcScores.gradeNotices), which holds every replaced score
-- with its grade, model and the time it began: each change of an existing grade there is a notice, at the time the
-- next score began, as the rows of this table were written. Kept beside the history, they cost a full recompute
-- after a model switch some 800,000 more inserts (3.9 s of the server's time for 1,000,000 residents) for nothing
-- the history does not say.
DROP TABLE scoring.grade_notice;
