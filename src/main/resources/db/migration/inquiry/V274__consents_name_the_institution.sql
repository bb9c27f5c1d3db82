-- A consent names the institution the person authorised, not one of its keys (gaps review xxix K2; RULES.md §9;
-- 征信业管理条例 Art. 18): any live key of the institution (account.api_client.institution_id) queries on it, so a
-- consent outlives the renewal of the bank's key every year and its rotation after a leak. Every key issued before
-- V273 founded its own institution under its own id, so the ids held here are already institution ids.
ALTER TABLE inquiry.consent RENAME COLUMN client_id TO institution_id;
ALTER INDEX inquiry.consent_client_subject RENAME TO consent_institution_subject;
