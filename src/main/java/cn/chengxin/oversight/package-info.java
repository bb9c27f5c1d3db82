/** Statistics and dashboards for the credit office, starting with the console's dashboard. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "subject", "audit", "objection", "repair"})
package cn.chengxin.oversight;
