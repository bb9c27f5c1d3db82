package cn.chengxin.ingestion;

/** A rejected row: its line (file) or index (API, from 1), the field at fault, a stable code, a message in Chinese. */
public record RowError(long line, String field, String code, String message) {
}
