/**
 * Red, grey and black lists (红名单、重点关注名单、严重失信主体名单; RULES.md §7): entry rules as versioned data,
 * proposals from records (in bulk, from {@code RecordsChanged}) or from departments, review by a second
 * person, written notices, validity and exit. Facade: {@link cn.chengxin.listing.Listing}; the check index of
 * the measures module follows {@link cn.chengxin.listing.Listing#changesSince(long, int)}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "audit", "account", "subject", "subject :: domain",
        "creditfile", "catalog", "catalog :: domain"})
package cn.chengxin.listing;
