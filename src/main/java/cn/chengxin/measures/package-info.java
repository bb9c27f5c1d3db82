/**
 * Joint reward and punishment (联合奖惩; RULES.md §7): the measures catalogue, the check API that departments'
 * approval systems call ("应查必查"), served from an in-memory index of the entries in force that follows the
 * listing module's change feed and the exchange's feed of entries other platforms issued, and the feedback that
 * closes the loop 发起 → 响应 → 反馈. Facades: {@link cn.chengxin.measures.Checks},
 * {@link cn.chengxin.measures.MeasureCatalogue}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "audit", "account", "subject",
        "subject :: domain", "listing", "exchange"})
package cn.chengxin.measures;
