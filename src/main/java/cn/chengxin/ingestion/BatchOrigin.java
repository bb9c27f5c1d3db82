package cn.chengxin.ingestion;

/**
 * Why a batch is sent (gaps review xliii X4, X3): the department's ordinary delivery, or a city's history back-loaded
 * at its cut-over from an older platform (迁移与切换, README). A back-load is stored, validated and scored as any batch,
 * but it is no news: its grade changes are told to nobody, the list proposals it makes are marked as from the
 * migration, and its records are not queued to the province, which loads the same history itself. Only a caller the
 * credit office allowed to ({@link cn.chengxin.shared.security.Permission#RECORD_MIGRATE}) sends one.
 */
public enum BatchOrigin {

    /** The department's ordinary delivery: the default, and what every batch stored before the marker was. */
    ROUTINE,
    /** A back-load of the old platform's records at the city's cut-over. */
    MIGRATION;

    /** The origin named, ROUTINE when none is. */
    public static BatchOrigin orRoutine(BatchOrigin origin) {
        return origin == null ? ROUTINE : origin;
    }
}
