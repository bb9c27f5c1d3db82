-- Gaps review xliii X11: a department of the seeded list that the city does not have is marked 未设立 (active = false:
-- out of 数据质量's providers and remits, no sign-in, no new user nor API key, no picker for new work), and the mark is
-- undone when the city sets it up. Both are authorisations as a scope is (RULES.md §10; maker-checker): proposed by a
-- system administrator, applied when a security administrator, another person, approves.
ALTER TABLE account.department_proposal DROP CONSTRAINT department_proposal_kind_check;
ALTER TABLE account.department_proposal ADD CONSTRAINT department_proposal_kind_check
    CHECK (kind IN ('SCOPE', 'CREDIT_OFFICE', 'NOT_ESTABLISHED', 'ESTABLISHED'));
-- Every kind but a new credit office's names its department.
ALTER TABLE account.department_proposal DROP CONSTRAINT department_proposal_check;
ALTER TABLE account.department_proposal ADD CONSTRAINT department_proposal_department
    CHECK ((kind = 'CREDIT_OFFICE') = (department_id IS NULL));
