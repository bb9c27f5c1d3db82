package cn.chengxin.platform;

import cn.chengxin.platform.database.UpgradeCheckApplication;

/**
 * The {@code upgrade-check} command as the application's entry point names it (gaps review xliv Y2): its name and the
 * context it runs in, which stays inside the platform module ({@code platform.database} is not exposed).
 */
public final class UpgradeCheck {

    /** The command's name, as given first on the command line. */
    public static final String COMMAND = UpgradeCheckApplication.COMMAND;

    private UpgradeCheck() {
    }

    /** The source of the command's context: the database and Flyway only. */
    public static Class<?> source() {
        return UpgradeCheckApplication.class;
    }
}
