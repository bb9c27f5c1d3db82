package cn.chengxin.shared.jdbc;

import java.time.LocalDate;
import java.util.HexFormat;
import java.util.UUID;

/** Builds PostgreSQL COPY text-format rows: tab-separated, {@code \N} for null, escapes per the manual. */
public final class CopyWriter {

    private static final HexFormat HEX = HexFormat.of();
    private final StringBuilder out = new StringBuilder(1 << 16);
    private boolean rowStarted;

    public CopyWriter text(String value) {
        separator();
        if (value == null) {
            out.append("\\N");
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return this;
    }

    public CopyWriter uuid(UUID value) {
        return text(value == null ? null : value.toString());
    }

    public CopyWriter date(LocalDate value) {
        return text(value == null ? null : value.toString());
    }

    public CopyWriter number(long value) {
        return text(Long.toString(value));
    }

    public CopyWriter bool(boolean value) {
        return text(value ? "t" : "f");
    }

    /** bytea in hex form; the backslash itself is escaped for the text format. */
    public CopyWriter bytes(byte[] value) {
        separator();
        out.append("\\\\x").append(HEX.formatHex(value));
        return this;
    }

    public CopyWriter endRow() {
        out.append('\n');
        rowStarted = false;
        return this;
    }

    private void separator() {
        if (rowStarted) {
            out.append('\t');
        }
        rowStarted = true;
    }

    public boolean isEmpty() {
        return out.isEmpty();
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
