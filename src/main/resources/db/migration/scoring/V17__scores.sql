-- Credit scores (module scoring; RULES.md §8). Models are reviewed data; every score keeps its model version, time
-- and explanation; the history keeps every change.
CREATE SCHEMA scoring;

CREATE TABLE scoring.model (
    code         text        NOT NULL,
    version      int         NOT NULL,
    status       text        NOT NULL CHECK (status IN ('PENDING', 'ACTIVE', 'RETIRED', 'REJECTED')),
    definition   jsonb       NOT NULL,
    proposed_by  text        NOT NULL,
    proposed_at  timestamptz NOT NULL,
    decided_by   text,
    decided_at   timestamptz,
    note         text,
    PRIMARY KEY (code, version),
    CONSTRAINT model_four_eyes CHECK (decided_by IS NULL OR decided_by <> proposed_by OR proposed_by = 'system')
);
CREATE UNIQUE INDEX model_one_active ON scoring.model ((true)) WHERE status = 'ACTIVE';

CREATE TABLE scoring.score (
    subject_id       uuid        PRIMARY KEY,
    model_code       text        NOT NULL,
    model_version    int         NOT NULL,
    score            int,                       -- NULL: not scored (see not_scored_code)
    grade            text,
    not_scored_code  text,
    region_code      text,
    birth_year       int,
    computed_at      timestamptz NOT NULL,
    explanation      jsonb       NOT NULL
);
CREATE INDEX score_by_grade ON scoring.score (grade);

CREATE TABLE scoring.score_history (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subject_id     uuid        NOT NULL,
    model_code     text        NOT NULL,
    model_version  int         NOT NULL,
    score          int,
    grade          text,
    computed_at    timestamptz NOT NULL
);
CREATE INDEX score_history_by_subject ON scoring.score_history (subject_id, computed_at);

-- 信用惠民: who offers what to which grades (RULES.md §8); no incentive for anyone on the black list.
CREATE TABLE scoring.benefit (
    code      text    PRIMARY KEY,
    name      text    NOT NULL,
    provider  text    NOT NULL,
    grades    text[]  NOT NULL,
    scenario  text    NOT NULL,
    enabled   boolean NOT NULL DEFAULT true
);
INSERT INTO scoring.benefit (code, name, provider, grades, scenario) VALUES
 ('LIBRARY_DEPOSIT_FREE', '图书馆免押金借阅', '市图书馆', ARRAY['AAA', 'AA', 'A', 'EXCELLENT', 'VERY_GOOD', 'GOOD'], '图书借阅'),
 ('BIKE_DEPOSIT_FREE', '公共自行车免押金', '市公共自行车公司', ARRAY['AAA', 'AA', 'A', 'EXCELLENT', 'VERY_GOOD', 'GOOD'], '公共出行'),
 ('HOSPITAL_PAY_LATER', '先诊疗后付费', '市中心医院', ARRAY['AAA', 'AA', 'EXCELLENT', 'VERY_GOOD'], '就医'),
 ('HOUSING_FUND_FAST', '公积金贷款优先审批', '市住房公积金中心', ARRAY['AAA', 'EXCELLENT'], '住房公积金'),
 ('SCENIC_DISCOUNT', '景区门票优惠', '市文化广电和旅游局', ARRAY['AAA', 'AA', 'EXCELLENT', 'VERY_GOOD'], '旅游'),
 ('CREDIT_LOAN', '信易贷：纯信用贷款利率优惠', '合作银行', ARRAY['AAA', 'AA', 'EXCELLENT'], '金融服务');

-- The grade distribution per day (written after each full recompute and once a day), for the trend chart.
CREATE TABLE scoring.grade_snapshot (
    day       date   NOT NULL,
    grade     text   NOT NULL,
    subjects  bigint NOT NULL,
    PRIMARY KEY (day, grade)
);
