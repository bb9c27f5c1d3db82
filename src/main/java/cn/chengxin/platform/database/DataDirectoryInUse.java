package cn.chengxin.platform.database;

import java.nio.file.Path;

/** Another running JVM, the platform as a rule, owns the embedded database's data directory ({@link DataDirectoryLock}). */
class DataDirectoryInUse extends IllegalStateException {

    DataDirectoryInUse(Path dataDir) {
        super("The platform is running on the data directory " + dataDir + " (another process holds "
                + dataDir.getFileName() + ".lock); its database was left alone");
    }
}
