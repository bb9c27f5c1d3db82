-- Gaps review xxxv P8 (session xxxvi): the scoring page's coverage by district and its two grade distributions (by
-- age band, by district), kept as counted at the end of each full recompute (nightly, and after a model is approved)
-- instead of counted at each view over every score, three times, and every current residence. One set at a time: a
-- new count replaces the rows in one transaction, readers see the old set or the new one whole.
--
-- figure: RESIDENTS (band: district; the persons with a current residence, at the district of their first one, as
-- SubjectRegistry.residentsByRegion), SCORED (band: district; scored by the active model), AGE (band: age band, by
-- grade), DISTRICT (band: district, by grade). Both coverage figures are read in the same snapshot of the database
-- (one REPEATABLE READ transaction), so that the share is exact as of taken_at.
CREATE TABLE scoring.figure (
    figure   text   NOT NULL CHECK (figure IN ('RESIDENTS', 'SCORED', 'AGE', 'DISTRICT')),
    band     text   NOT NULL,
    grade    text   NOT NULL DEFAULT '',
    subjects bigint NOT NULL,
    PRIMARY KEY (figure, band, grade)
);

-- When the kept set was counted (one row once the first count is done).
CREATE TABLE scoring.figure_count (
    id        smallint    PRIMARY KEY CHECK (id = 1),
    taken_at  timestamptz NOT NULL
);
