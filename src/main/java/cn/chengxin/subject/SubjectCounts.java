package cn.chengxin.subject;

/** Size of the registry, for dashboards and the demo-data check. */
public record SubjectCounts(long persons, long organisations, long synthetic, long householdResidents,
                            long habitualResidents) {

    public long total() {
        return persons + organisations;
    }
}
