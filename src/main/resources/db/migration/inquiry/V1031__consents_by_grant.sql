-- Gaps review xlvi AA2: the nightly consent retention (inquiry/ConsentRetention) reads the consents granted before its
-- cutoff in (grant time, id) order, a chunk at a time from where the last chunk stopped: a consent ended before the
-- cutoff was granted before it, and those deleted are not read again, so a night reads the newly due and the few
-- granted long ago still in force. Without this index each chunk read every consent ever given. Built CONCURRENTLY
-- outside a transaction (this script's .conf), so consents go on being given meanwhile; one statement a script, as
-- the README's 升级 asks (V409).
CREATE INDEX CONCURRENTLY IF NOT EXISTS consent_by_grant ON inquiry.consent (granted_at, id);
