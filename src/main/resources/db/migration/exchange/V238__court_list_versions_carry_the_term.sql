-- Rows of the Supreme People's Court's list of defaulters carry the term the court decided (RULES.md §7; 法释〔2017〕7号
-- 第一条、第二条; finding I2 of docs/gaps-review-xxvii.md): the row's 截止日期, none for 第一条第一项, else two years.
-- Loads before numbered a row `day * 10`, a removal `day * 10 + 1`, and gave every row two years. A received row is
-- replaced by a higher version only, so loading the list again could not set the court's term on the rows held.
-- CourtDefaulterFile.version now numbers a day's versions by 100000 (a removal the highest of its day). The rows held are
-- put on that scale: a listing as the lowest of its day, so that the same row loaded again, now with its term,
-- replaces it; a removal as a removal, so that an older file loaded again still cannot list its subject again. Nothing
-- else changes, so the check index has nothing to read again until a load applies the terms.
UPDATE exchange.received
   SET version = (version / 10) * 100000 + CASE WHEN version % 10 = 1 THEN 99999 ELSE 0 END
 WHERE source_platform = 'SPC' AND kind = 'LIST_ENTRY' AND version < 100000000;
