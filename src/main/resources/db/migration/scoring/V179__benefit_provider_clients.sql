-- 信用惠民核验 answers a provider only the benefits it grants (gaps review xxiv G2; RULES.md §8, §10; PIPL Art. 6): each
-- benefit names the API clients (account.api_client ids) of the systems that grant it — a department's or an
-- institution's, several while a key is replaced. Until the credit office binds a benefit to a client, no key is
-- answered it: before this, every key holding api:subject:check was told every benefit of every provider with its
-- grade list, from which the grade could be read.
ALTER TABLE scoring.benefit ADD COLUMN provider_clients uuid[] NOT NULL DEFAULT '{}';
