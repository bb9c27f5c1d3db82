/**
 * Small kernel shared by every module: the configured {@link cn.chengxin.shared.City}, the clock, and the
 * {@link cn.chengxin.shared.DomainProblem} contract for errors.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.chengxin.shared;
