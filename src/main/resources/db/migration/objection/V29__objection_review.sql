-- 复核 (issue #8; RULES.md §5, Shenzhen Art. 43): after a decision the subject may ask once for a review, which
-- reopens the case as a new objection on the same record with the same deadlines, linked to the one reviewed.
ALTER TABLE objection.objection ADD COLUMN review_of uuid REFERENCES objection.objection (id);
CREATE UNIQUE INDEX objection_one_review ON objection.objection (review_of) WHERE review_of IS NOT NULL;
