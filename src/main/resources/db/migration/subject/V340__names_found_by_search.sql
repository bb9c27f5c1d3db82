-- The public lists' search by name finds a renamed subject's entries by its current name and by each former name
-- (曾用名), whatever name an entry was made under (gaps review xxv H6): the renamed subjects that bear or bore a name
-- are looked up by it, in the names they left and in the names an approved change gave them.
CREATE INDEX former_name_by_name ON subject.former_name (name);
CREATE INDEX name_change_proposal_by_new_name ON subject.name_change_proposal (new_name) WHERE status = 'APPROVED';
