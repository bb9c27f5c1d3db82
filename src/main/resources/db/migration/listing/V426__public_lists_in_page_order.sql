-- Gaps review xxxv P6 (session xxxvi): the public black and red lists are read a page at a time in the page's own order
-- (the newest entry in force first), from the last entry shown on (keyset), instead of sorting the whole list for each
-- page and skipping up to two million rows. The day an entry took effect, none counting as the oldest, then the id
-- (both descending, so that one row comparison starts the next page within the index: Listing#published). Built
-- CONCURRENTLY outside a transaction (this script's .conf), one statement a script (the README's 升级): entries go on
-- being written while it is built.
CREATE INDEX CONCURRENTLY IF NOT EXISTS entry_public_in_page_order ON listing.entry
    (list_type, status, (coalesce(effective_from, '-infinity'::timestamptz)) DESC, id DESC) WHERE published;
