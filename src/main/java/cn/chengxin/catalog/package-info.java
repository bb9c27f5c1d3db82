/**
 * The information catalogue (信用信息目录, RULES.md §2–4): what may be collected, from whom, on what legal
 * basis, how it is shared, how serious it is and for how long it is shown. Versioned; an item becomes
 * active only when a second person approves it (maker-checker). Providers are departments of the directory kept by
 * {@code account}. Facade: {@link cn.chengxin.catalog.Catalogue}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "audit", "account",
        "subject :: domain"})
package cn.chengxin.catalog;
