package cn.chengxin.ingestion.parsing;

/**
 * Why an uploaded file was refused. Each name is a stable, machine-readable code that API clients and error
 * reports rely on: never rename one. Messages never quote file contents, which may contain identity numbers.
 */
public enum FileProblemCode {
    FILE_EMPTY("文件为空，或没有表头行"),
    FILE_TOO_LARGE("文件超过允许的大小上限"),
    FILE_TOO_MANY_ROWS("文件的数据行数超过允许的上限"),
    FILE_UNREADABLE("文件无法读取：内容已损坏、与扩展名不符，或编码无法识别（CSV 请使用 UTF-8 或 GB18030 编码）"),
    FILE_ZIP_BOMB("xlsx 文件解压后的大小或压缩比异常（疑似压缩炸弹），已拒绝处理"),
    FILE_FORMAT_UNSUPPORTED("不支持的文件格式：请上传 .csv、.xlsx 或 .jsonl 文件（旧版 .xls 请先另存为 .xlsx）"),
    CSV_MALFORMED("CSV 格式错误：引号未闭合、引号后有多余字符，或单条记录过长"),
    JSON_MALFORMED("JSON Lines 格式错误：每行必须是一个 JSON 对象，取值只能是字符串、数字、布尔值或 null"
            + "（仅 \"fields\" 下可再嵌套一层）"),
    HEADER_DUPLICATE("表头中有重复的列名"),
    HEADER_MISSING("缺少列名：表头中间有空白列名，或某列有数据却没有列名");

    private final String message;

    FileProblemCode(String message) {
        this.message = message;
    }

    public String code() {
        return name();
    }

    public String message() {
        return message;
    }
}
