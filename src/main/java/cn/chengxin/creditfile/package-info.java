/**
 * The credit file (信用档案): every person's and organisation's records, every version kept with who, when
 * and why; states from active to archived; publication windows after which records are neither shown nor
 * used. Facade: {@link cn.chengxin.creditfile.CreditFile}; event {@link cn.chengxin.creditfile.RecordsChanged}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "audit", "subject", "subject :: domain", "catalog", "catalog :: domain", "account"})
package cn.chengxin.creditfile;
