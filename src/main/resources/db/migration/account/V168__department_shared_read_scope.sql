-- A department's data scope has two dimensions (RULES.md §10: least privilege, department data scope; issue #3).
-- data_scope keeps its items, which now mean "the items whose records we delivered ourselves we see": several
-- agencies deliver the same item (minor penalties, commitments, qualifications), and one sees none of another's
-- records of it by that list alone. shared_read_scope names the items whose records delivered by OTHER departments
-- this one reads, granted per item for a stated duty; it is empty for every department until someone grants it.
-- The credit office sees every record by its kind, as before.
ALTER TABLE account.department ADD COLUMN shared_read_scope text[] NOT NULL DEFAULT '{}';
