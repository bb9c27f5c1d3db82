package cn.chengxin.portal.web;

import java.util.ArrayList;
import java.util.List;

import cn.chengxin.shared.City;

/**
 * The policy documents the platform implements: the national rules, then the city's own plan (configuration,
 * {@link City#policies}). Gaps review xliii X5: the five seed cities' plans were listed in every city's site.
 */
record PolicyDocument(String number, String title, String issuer) {

    static final List<PolicyDocument> NATIONAL = List.of(
            new PolicyDocument("国办发〔2016〕98号", "国务院办公厅关于加强个人诚信体系建设的指导意见", "国务院办公厅"),
            new PolicyDocument("国办发〔2020〕49号", "国务院办公厅关于进一步完善失信约束制度构建诚信建设长效机制的指导意见",
                    "国务院办公厅"),
            new PolicyDocument("国家发展改革委令第36号", "信用修复管理办法", "国家发展和改革委员会"));

    /** What 政策法规 lists for {@code city}. */
    static List<PolicyDocument> of(City city) {
        List<PolicyDocument> all = new ArrayList<>(NATIONAL);
        city.policies().forEach(p -> all.add(new PolicyDocument(p.number(), p.title(), p.issuer())));
        return List.copyOf(all);
    }
}
