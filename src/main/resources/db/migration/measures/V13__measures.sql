-- Joint reward and punishment (module measures; RULES.md §7): the measures catalogue, the checks departments
-- make inside their approval workflows, and the feedback on what they did.
CREATE SCHEMA measures;

CREATE TABLE measures.measure (
    code         text    PRIMARY KEY,
    name         text    NOT NULL,
    kind         text    NOT NULL CHECK (kind IN ('RIGHTS_REDUCING', 'MANAGEMENT', 'MARKET', 'INCENTIVE')),
    legal_basis  text    NOT NULL CHECK (length(legal_basis) > 0),
    departments  text[]  NOT NULL,   -- implementing departments (codes); empty: every department
    list_types   text[]  NOT NULL,   -- RED, GREY, BLACK
    scenarios    text[]  NOT NULL,   -- where it applies (Scenario enum)
    clean_record boolean NOT NULL DEFAULT false, -- also for 3+ years without a negative record (RULES.md §7)
    enabled      boolean NOT NULL DEFAULT true
);

-- One row per check; written before the answer, as is the audit event.
CREATE TABLE measures.check_made (
    id               uuid        PRIMARY KEY,
    at               timestamptz NOT NULL,
    client_id        text        NOT NULL,
    department_code  text        NOT NULL,
    subject_pseudonym text,
    scenario         text        NOT NULL,
    purpose          text        NOT NULL,
    entries          int         NOT NULL,
    measure_codes    text[]      NOT NULL,
    feedback_due     boolean     NOT NULL   -- a hit: the department owes feedback
);
CREATE INDEX check_by_department ON measures.check_made (department_code, at DESC);
CREATE INDEX check_feedback_due ON measures.check_made (at) WHERE feedback_due;

CREATE TABLE measures.feedback (
    check_id      uuid        NOT NULL REFERENCES measures.check_made (id),
    measure_code  text        NOT NULL,
    applied       boolean     NOT NULL,
    outcome       text        NOT NULL,
    note          text,
    given_by      text        NOT NULL,
    given_at      timestamptz NOT NULL,
    PRIMARY KEY (check_id, measure_code)
);

-- Seeded from the kinds of the 全国失信惩戒措施基础清单 (2021/2022) and the incentives of 国办发〔2016〕98号.
INSERT INTO measures.measure (code, name, kind, legal_basis, departments, list_types, scenarios) VALUES
 ('NO_CIVIL_SERVICE', '不得录用为公务员或参照公务员法管理的工作人员', 'RIGHTS_REDUCING',
  '《公务员录用规定》第十八条；全国失信惩戒措施基础清单', ARRAY['HRSS', 'CREDIT_OFFICE'], ARRAY['BLACK'], ARRAY['HIRING']),
 ('NO_PUBLIC_INSTITUTION_HIRING', '限制招录（聘）为事业单位工作人员', 'RIGHTS_REDUCING',
  '《事业单位公开招聘人员暂行规定》；全国失信惩戒措施基础清单', ARRAY['HRSS', 'CREDIT_OFFICE'], ARRAY['BLACK'], ARRAY['HIRING']),
 ('NO_FLIGHTS_TRAINS', '限制乘坐飞机、列车软卧、G字头动车组列车全部座位和其他动车组列车一等以上座位', 'RIGHTS_REDUCING',
  '《最高人民法院关于限制被执行人高消费及有关消费的若干规定》第三条', ARRAY[]::text[], ARRAY['BLACK'], ARRAY['TRAVEL']),
 ('NO_HIGH_CONSUMPTION', '限制高消费（星级以上宾馆、高尔夫球场、购买不动产、子女就读高收费私立学校等）', 'RIGHTS_REDUCING',
  '《最高人民法院关于限制被执行人高消费及有关消费的若干规定》第三条', ARRAY[]::text[], ARRAY['BLACK'], ARRAY['CONSUMPTION']),
 ('NO_PUBLIC_BIDDING', '限制参与政府采购和公共资源交易活动', 'RIGHTS_REDUCING',
  '《政府采购法》第二十二条；《招标投标法实施条例》；全国失信惩戒措施基础清单',
  ARRAY['FINANCE', 'PUBLIC_RESOURCES', 'CREDIT_OFFICE'], ARRAY['BLACK'], ARRAY['BIDDING']),
 ('NO_GOVERNMENT_FUNDS', '限制申请政府补贴资金和社会保障资金支持', 'RIGHTS_REDUCING',
  '国办发〔2016〕33号；全国失信惩戒措施基础清单', ARRAY['FINANCE', 'HRSS', 'SCIENCE', 'CREDIT_OFFICE'], ARRAY['BLACK'],
  ARRAY['FUNDING']),
 ('NO_AWARDS', '不得参加评先评优、不得授予荣誉称号', 'RIGHTS_REDUCING',
  '国办发〔2016〕33号；全国失信惩戒措施基础清单', ARRAY[]::text[], ARRAY['BLACK'], ARRAY['AWARDS', 'TITLES']),
 ('NO_EXECUTIVE_POSITION', '限制担任国有企业法定代表人、董事、监事、高级管理人员', 'RIGHTS_REDUCING',
  '《公司法》第一百七十八条；全国失信惩戒措施基础清单', ARRAY['SASAC', 'MARKET', 'CREDIT_OFFICE'], ARRAY['BLACK'],
  ARRAY['EXECUTIVE']),
 ('STRICT_LICENSING', '行政许可审查中作为重要参考，不适用告知承诺制', 'MANAGEMENT',
  '《优化营商环境条例》；国办发〔2019〕35号', ARRAY[]::text[], ARRAY['BLACK'], ARRAY['LICENSING']),
 ('CLOSER_SUPERVISION', '列为重点监管对象，提高抽查比例和频次', 'MANAGEMENT',
  '国办发〔2019〕35号（以信用为基础的新型监管机制）', ARRAY[]::text[], ARRAY['BLACK', 'GREY'],
  ARRAY['LICENSING', 'INSPECTION', 'BIDDING', 'FUNDING']),
 ('WARNING_TALK', '约谈提醒、审慎办理（不减损权益）', 'MANAGEMENT',
  '国办发〔2020〕49号；黄石市个人诚信体系建设方案（重点关注名单）', ARRAY[]::text[], ARRAY['GREY'],
  ARRAY['LICENSING', 'FUNDING', 'AWARDS']),
 ('GREEN_CHANNEL', '绿色通道：优先办理、简化程序', 'INCENTIVE',
  '国办发〔2016〕98号（建立守信激励机制）', ARRAY[]::text[], ARRAY['RED'], ARRAY['LICENSING', 'SOCIAL_SERVICE']),
 ('TOLERANT_ACCEPTANCE', '容缺受理：非关键材料缺失时先行受理', 'INCENTIVE',
  '国办发〔2016〕98号；《优化营商环境条例》', ARRAY[]::text[], ARRAY['RED'], ARRAY['LICENSING']),
 ('PRIORITY_AWARDS', '评优评先、职称评定同等条件下优先', 'INCENTIVE',
  '国办发〔2016〕98号', ARRAY[]::text[], ARRAY['RED'], ARRAY['AWARDS', 'TITLES']),
 ('DEPOSIT_FREE', '公共服务免押金（图书借阅、公共自行车等）', 'INCENTIVE',
  '国办发〔2016〕98号（信用惠民）', ARRAY[]::text[], ARRAY['RED'], ARRAY['SOCIAL_SERVICE']);

-- RULES.md §7: three or more consecutive years without a negative record qualify for 绿色通道 and 容缺受理.
UPDATE measures.measure SET clean_record = true WHERE code IN ('GREEN_CHANNEL', 'TOLERANT_ACCEPTANCE');
