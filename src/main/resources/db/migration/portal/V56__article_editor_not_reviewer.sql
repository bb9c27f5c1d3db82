-- Maker-checker for public content covers whoever last edited the text, as the service does since issue #5's
-- review: the database refuses a published article reviewed by its last editor too. NOT VALID: articles published
-- before are left as they are; every publication from now on is checked.
ALTER TABLE portal.article ADD CONSTRAINT article_editor_not_reviewer
    CHECK (status <> 'PUBLISHED' OR reviewed_by IS DISTINCT FROM edited_by) NOT VALID;
