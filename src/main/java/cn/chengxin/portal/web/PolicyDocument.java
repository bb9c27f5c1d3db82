package cn.chengxin.portal.web;

import java.util.List;

/** The policy documents the platform implements (the seed requirements and the national rules). */
record PolicyDocument(String number, String title, String issuer) {

    static final List<PolicyDocument> ALL = List.of(
            new PolicyDocument("国办发〔2016〕98号", "国务院办公厅关于加强个人诚信体系建设的指导意见", "国务院办公厅"),
            new PolicyDocument("国办发〔2020〕49号", "国务院办公厅关于进一步完善失信约束制度构建诚信建设长效机制的指导意见",
                    "国务院办公厅"),
            new PolicyDocument("国家发展改革委令第36号", "信用修复管理办法", "国家发展和改革委员会"),
            new PolicyDocument("驻政办〔2017〕102号", "驻马店市加强个人诚信体系建设实施方案", "驻马店市人民政府办公室"),
            new PolicyDocument("镇政办发〔2018〕184号", "关于加强个人诚信体系建设的实施意见", "镇江市人民政府办公室"),
            new PolicyDocument("黄信用〔2018〕1号", "关于加强个人诚信体系建设的实施方案", "黄石市社会信用体系建设领导小组"),
            new PolicyDocument("攀办发〔2018〕145号", "攀枝花市加强个人诚信体系建设实施方案", "攀枝花市人民政府办公室"),
            new PolicyDocument("—", "关于转发国务院办公厅《关于加强个人诚信体系建设的指导意见》的通知",
                    "灵寿县社会信用体系建设领导小组办公室"));
}
