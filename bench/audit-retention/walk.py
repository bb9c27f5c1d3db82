# Replays audit.RetentionWalk (gaps review xlii W2); see run.sh.
# Replays audit.RetentionWalk's statements (walk, then re-check, per category), one psql session a chunk; prints the
# function's buffers and WAL per chunk (EXPLAIN ANALYZE BUFFERS WAL) and the LSN difference of the whole chunk.
import os, re, subprocess, sys, time
db, night_cut_days, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
periods = {'SECURITY': night_cut_days, 'PROCESSING': 1100, 'QUERY': 3660}
env = dict(os.environ, PGHOST='/tmp/e8pg', PGPORT='54398', PGUSER='postgres')
def psql(sql):
    return subprocess.run(['psql', '-d', db, '-At', '-v', 'ON_ERROR_STOP=1'], input=sql, capture_output=True, text=True, env=env, check=True).stdout
def mark(c):
    n, w, r = psql(f"SELECT n, walked_through, rechecked_through FROM audit.retention_mark WHERE category='{c}' ORDER BY n DESC LIMIT 1").split('|')
    return int(n), int(w), int(r)
end = int(psql("SELECT coalesce(max(seq), -1) + 1 FROM audit.event"))
tot = dict(chunks=0, emptied=0, hit=0, read=0, wal=0, lsn=0, ms=0.0)
rows = []
def chunk(c, walk):
    n, w, r = mark(c)
    frm = (w if walk else max(w, r)) + 1
    to = min(frm - 1 + size, end - 1)
    if frm > to: return None
    t0 = time.time()
    out = psql(f"""
SELECT pg_current_wal_lsn() AS l0 \\gset
BEGIN;
CREATE TEMP TABLE r ON COMMIT DROP AS SELECT 0 AS emptied;
EXPLAIN (ANALYZE, BUFFERS, WAL, COSTS OFF, TIMING OFF) SELECT audit.empty_past_retention('{c}', {frm}, {to}, now() - interval '{periods[c]} days', now());
SELECT 'kept|' || coalesce(min(seq)::text, '') FROM audit.event WHERE seq >= {frm} AND seq <= {to} AND category = '{c}' AND pruned_at IS NULL;
SELECT 'emptied|' || count(*) FROM audit.event WHERE seq >= {frm} AND seq <= {to} AND category = '{c}' AND pruned_at > now() - interval '1 second';
COMMIT;
SELECT 'lsn|' || pg_wal_lsn_diff(pg_current_wal_lsn(), :'l0');
""")
    ms = (time.time() - t0) * 1000
    b = re.search(r'Buffers: shared hit=(\d+)(?: read=(\d+))?', out)
    hit, read = int(b.group(1)), int(b.group(2) or 0)
    wm = re.search(r'WAL: records=\d+(?: fpi=\d+)? bytes=(\d+)', out)
    wal = int(wm.group(1)) if wm else 0
    kept = re.search(r'kept\|(\d*)', out).group(1)
    emptied = int(re.search(r'emptied\|(\d+)', out).group(1))
    lsn = int(float(re.search(r'lsn\|([\d.]+)', out).group(1)))
    if walk:
        nw = int(kept) - 1 if kept else to
        done = bool(kept) or to >= end - 1
        if nw != w or emptied > 0:
            psql(f"INSERT INTO audit.retention_mark VALUES ('{c}', {n+1}, {nw}, {r}, now() - interval '{periods[c]} days', {emptied}, now())")
    else:
        done = to >= end - 1
        psql(f"INSERT INTO audit.retention_mark VALUES ('{c}', {n+1}, {w}, {to}, now() - interval '{periods[c]} days', {emptied}, now())")
    for k, v in dict(chunks=1, emptied=emptied, hit=hit, read=read, wal=wal, lsn=lsn, ms=ms).items(): tot[k] += v
    rows.append((c, 'walk' if walk else 'recheck', frm, to, emptied, hit, read, wal, lsn, round(ms)))
    return done
for c in periods:
    for walk in (True, False):
        while True:
            d = chunk(c, walk)
            if d is None or d: break
print('category|part|from|to|emptied|hit|read|fn_wal_bytes|chunk_lsn_bytes|ms')
for r in rows: print('|'.join(map(str, r)))
print('TOTAL', tot)
