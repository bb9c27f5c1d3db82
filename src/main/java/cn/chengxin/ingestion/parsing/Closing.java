package cn.chengxin.ingestion.parsing;

/**
 * Closes what a reader opened when it gives up, without letting a failure to close hide the problem that
 * made it give up (the file problem is what the department needs to see).
 */
final class Closing {

    private Closing() {
    }

    static void quietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Nothing useful to do: the file was only read.
        }
    }
}
