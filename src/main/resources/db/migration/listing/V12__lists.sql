-- Red, grey and black lists (module listing; RULES.md §7). Rules are data, versioned; entries take effect only
-- after review by a second person; every notice is kept as the document the subject received.
CREATE SCHEMA listing;

CREATE TABLE listing.rule (
    code             text        NOT NULL,
    version          int         NOT NULL,
    current          boolean     NOT NULL,
    list_type        text        NOT NULL CHECK (list_type IN ('RED', 'GREY', 'BLACK')),
    name             text        NOT NULL,
    item_codes       text[]      NOT NULL,            -- a shown record of any of these items → a proposal
    condition_field  text,                            -- optional: and this content field …
    condition_min    numeric,                         -- … is at least this number (e.g. volunteer hours)
    legal_basis      text        NOT NULL CHECK (length(legal_basis) > 0),
    validity_months  int         CHECK (validity_months > 0), -- NULL: as long as the record is published
    notice_days      int         NOT NULL DEFAULT 0 CHECK (notice_days >= 0), -- prior notice (black) or 公示 (red)
    exit_conditions  text        NOT NULL,
    enabled          boolean     NOT NULL,
    changed_by       text        NOT NULL,
    changed_at       timestamptz NOT NULL,
    PRIMARY KEY (code, version)
);
CREATE UNIQUE INDEX rule_one_current ON listing.rule (code) WHERE current;

CREATE SEQUENCE listing.change_seq;

CREATE TABLE listing.entry (
    id                  uuid        PRIMARY KEY,
    list_type           text        NOT NULL CHECK (list_type IN ('RED', 'GREY', 'BLACK')),
    rule_code           text,
    rule_version        int,
    subject_id          uuid        NOT NULL,
    subject_pseudonym   text        NOT NULL,         -- blind index (hex) of the number: the check index's key
    subject_name        text        NOT NULL,         -- for search on the public pages; shown masked for persons
    subject_kind        text        NOT NULL,
    masked_number       text        NOT NULL,
    record_key          uuid,                         -- the credit record the entry rests on, if any
    department_code     text        NOT NULL,         -- the issuing (providing) department
    legal_basis         text        NOT NULL,
    reasons             text        NOT NULL,
    status              text        NOT NULL CHECK (status IN ('PROPOSED', 'NOTIFIED', 'PUBLIC_NOTICE', 'EFFECTIVE',
                                                               'REJECTED', 'EXITED')),
    proposed_by         text        NOT NULL,
    proposed_at         timestamptz NOT NULL,
    reviewed_by         text,
    reviewed_at         timestamptz,
    review_note         text,
    effective_from      timestamptz,
    valid_until         date,                         -- last day in force; NULL: until an exit
    exited_at           timestamptz,
    exit_reason         text,
    disputed            boolean     NOT NULL DEFAULT false,
    change_seq          bigint      NOT NULL DEFAULT nextval('listing.change_seq')
);
-- One open entry per list, subject and record: a replayed proposal is a no-op.
CREATE UNIQUE INDEX entry_one_open ON listing.entry (list_type, subject_id, coalesce(record_key, id))
    WHERE status NOT IN ('REJECTED', 'EXITED');
CREATE INDEX entry_by_subject ON listing.entry (subject_id);
CREATE INDEX entry_by_change ON listing.entry (change_seq);
CREATE INDEX entry_by_status ON listing.entry (status, list_type);

-- The last negative record per subject (RULES.md §7: 3+ consecutive years without one → 绿色通道, 容缺受理).
-- Kept current by the same bulk evaluation as the lists, and followed by the check index like the entries.
CREATE SEQUENCE listing.mark_seq;
CREATE TABLE listing.negative_mark (
    subject_pseudonym text   PRIMARY KEY,
    last_negative     date,                       -- NULL: none any more (revoked or corrected)
    change_seq        bigint NOT NULL DEFAULT nextval('listing.mark_seq')
);
CREATE INDEX negative_mark_by_change ON listing.negative_mark (change_seq);

CREATE TABLE listing.notice (
    id           uuid        PRIMARY KEY,
    entry_id     uuid        NOT NULL REFERENCES listing.entry (id),
    subject_id   uuid        NOT NULL,
    kind         text        NOT NULL CHECK (kind IN ('PRIOR', 'PUBLIC', 'EFFECTIVE', 'EXIT')),
    title        text        NOT NULL,
    body         text        NOT NULL,
    issued_at    timestamptz NOT NULL
);
CREATE INDEX notice_by_subject ON listing.notice (subject_id, issued_at DESC);

-- The base rules (RULES.md §7). Court defaulters are listed by the court itself, so their notice is the court's.
INSERT INTO listing.rule (code, version, current, list_type, name, item_codes, legal_basis, validity_months, notice_days,
                          exit_conditions, enabled, changed_by, changed_at, condition_field, condition_min) VALUES
 ('BLACK_COURT_DEFAULTER', 1, true, 'BLACK', '失信被执行人', ARRAY['P_COURT_DEFAULTER', 'O_COURT_DEFAULTER'],
  '《最高人民法院关于公布失信被执行人名单信息的若干规定》（法释〔2017〕7号）第一条、第十条', NULL, 0,
  '履行完毕、法院撤销或屏蔽失信信息、公布期满（一般 2 年）', true, 'system', now(), NULL, NULL),
 ('BLACK_TAX_SERIOUS', 1, true, 'BLACK', '重大税收违法失信主体', ARRAY['P_TAX_SERIOUS_DISHONESTY', 'O_TAX_SERIOUS_DISHONESTY'],
  '《重大税收违法失信主体信息公布管理办法》（国家税务总局令第54号）', 36, 5,
  '公布期满 3 年；缴清税款、滞纳金和罚款并经信用修复', true, 'system', now(), NULL, NULL),
 ('BLACK_SERIOUS_ILLEGAL', 1, true, 'BLACK', '严重违法失信名单（市场监管）', ARRAY['O_SERIOUS_ILLEGAL_LIST'],
  '《市场监督管理严重违法失信名单管理办法》（国家市场监督管理总局令第44号）', 36, 5,
  '列入满 1 年后申请提前移出并经批准；期满 3 年', true, 'system', now(), NULL, NULL),
 ('BLACK_MEDICAL_INSURANCE_FRAUD', 1, true, 'BLACK', '医疗保障领域严重失信', ARRAY['P_MEDICAL_INSURANCE_FRAUD'],
  '《医疗保障基金使用监督管理条例》第四十条；国办发〔2020〕49号', 36, 5,
  '退回违规资金并经信用修复；期满移出', true, 'system', now(), NULL, NULL),
 ('GREY_ADMIN_PENALTY_SERIOUS', 1, true, 'GREY', '重点关注：较重、严重行政处罚', ARRAY['P_ADMIN_PENALTY_SERIOUS', 'O_ADMIN_PENALTY_SERIOUS'],
  '《失信行为纠正后的信用信息修复管理办法（试行）》；国办发〔2020〕49号（重点关注对象管理）', 12, 0,
  '期满 1 年无新的失信记录，或信用修复', true, 'system', now(), NULL, NULL),
 ('GREY_ABNORMAL_OPERATIONS', 1, true, 'GREY', '重点关注：经营异常名录', ARRAY['O_ABNORMAL_OPERATIONS'],
  '《企业经营异常名录管理暂行办法》', NULL, 0, '移出经营异常名录', true, 'system', now(), NULL, NULL),
 ('RED_COMMENDATION', 1, true, 'RED', '诚信典型与表彰奖励', ARRAY['P_COMMENDATION', 'P_GOOD_SAMARITAN'],
  '国办发〔2016〕98号（建立守信激励机制）；《河南省社会信用条例》第二十八条', 36, 7,
  '期满 3 年；出现失信记录即移出', true, 'system', now(), NULL, NULL),
 ('RED_VOLUNTEER', 1, true, 'RED', '优秀志愿者（五星，服务 1500 小时以上）', ARRAY['P_VOLUNTEER_SERVICE'],
  '《志愿服务条例》第三十五条；国办发〔2016〕98号', 24, 7, '期满 2 年；出现失信记录即移出', true, 'system', now(),
  'hours', 1500);
