-- Gaps review xlii W2: the seeded log of bench/audit-retention/run.sh (the production columns and every index of
-- audit.event); run.sh appends the two retention functions from the migrations.
CREATE SCHEMA audit;
CREATE TABLE audit.event (
    seq bigint PRIMARY KEY CHECK (seq >= 0), at timestamptz NOT NULL,
    category text NOT NULL CHECK (category IN ('SECURITY', 'PROCESSING', 'QUERY')),
    actor_kind text NOT NULL, actor_id text NOT NULL, actor_name text NOT NULL, organisation text NOT NULL,
    action text NOT NULL, subject_pseudonym text, purpose text, legal_basis text, consent_id text,
    result text NOT NULL CHECK (result IN ('SUCCESS', 'DENIED', 'ERROR')), request_id text, detail text,
    pruned_at timestamptz, leaf_hash bytea NOT NULL, mac bytea NOT NULL, mac_version smallint NOT NULL DEFAULT 1);
-- Events from_seq..to_seq, step apart from first_at: 60 % checks (QUERY), 30 % SECURITY, 10 % PROCESSING.
CREATE FUNCTION public.seed_events(from_seq bigint, to_seq bigint, first_at timestamptz, step interval)
    RETURNS void LANGUAGE sql AS $$
INSERT INTO audit.event (seq, at, category, actor_kind, actor_id, actor_name, organisation, action, subject_pseudonym,
                         purpose, legal_basis, consent_id, result, request_id, detail, leaf_hash, mac)
SELECT s, first_at + (s - from_seq) * step,
       CASE WHEN s % 10 < 6 THEN 'QUERY' WHEN s % 10 < 9 THEN 'SECURITY' ELSE 'PROCESSING' END,
       'STAFF', 'user-' || (s % 5000), '工作人员' || (s % 5000), '部门' || (s % 80),
       CASE WHEN s % 10 < 6 THEN 'measures.check' WHEN s % 10 < 9 THEN 'account.sign-in' ELSE 'creditfile.publish' END,
       CASE WHEN s % 10 < 6 THEN md5(s::text) END, CASE WHEN s % 10 < 6 THEN 'ADMINISTRATIVE_LICENSING' END,
       CASE WHEN s % 10 < 6 THEN '《行政许可法》第三十一条' END, NULL,
       CASE WHEN s % 50 = 0 THEN 'DENIED' ELSE 'SUCCESS' END, md5((s * 7)::text),
       '{"ip":"10.1.' || (s % 250) || '.' || (s % 200) || '","items":' || (s % 9) || ',"note":"' || repeat('审', 20) || '"}',
       sha256(s::text::bytea), sha256((s + 1)::text::bytea)
FROM generate_series(from_seq, to_seq) s;
$$;
-- 1,000,000 events over 800 days, ending a day ago
SELECT public.seed_events(0, 999999, now() - interval '801 days', interval '800 days' / 1000000);
CREATE INDEX event_by_subject ON audit.event (subject_pseudonym, seq DESC) WHERE subject_pseudonym IS NOT NULL;
CREATE INDEX event_by_time ON audit.event USING brin (at) WITH (autosummarize = on);
CREATE INDEX event_not_succeeded ON audit.event (result, seq DESC) WHERE result <> 'SUCCESS';
CREATE INDEX event_by_actor_but_checks ON audit.event (actor_name, seq DESC) WHERE action <> 'measures.check';
CREATE INDEX event_by_action_but_checks ON audit.event (action COLLATE "C", seq DESC) WHERE action <> 'measures.check';
