package cn.chengxin.subject.domain;

/**
 * Why an identity document number was refused. Each value is a stable, machine-readable code that API
 * clients and row-error reports rely on; never rename one. Messages never contain the number itself.
 */
public enum IdentityRejection {
    ID_FORMAT("身份号码格式不正确：应为18位（前17位数字，末位数字或X）或15位数字"),
    ID_CHECKSUM("身份号码校验码不正确（GB 11643-1999）"),
    ID_BIRTH_DATE("身份号码中的出生日期不是真实日期或晚于今天"),
    ID_REGION("身份号码中的行政区划代码不存在（GB/T 2260）"),
    USCC_FORMAT("统一社会信用代码格式不正确：应为18位，且不含 I、O、S、V、Z"),
    USCC_REGISTRATION_AUTHORITY("统一社会信用代码的登记管理部门代码不存在（GB 32100-2015）"),
    USCC_CHECKSUM("统一社会信用代码校验码不正确（GB 32100-2015）"),
    USCC_ORGANISATION_CODE_CHECKSUM("统一社会信用代码中组织机构代码的校验码不正确（GB 11714-1997）"),
    DOCUMENT_FORMAT("证件号码格式与证件类型不符"),
    DOCUMENT_TYPE_UNKNOWN("证件类型不正确：应为证件类型代码（如 PASSPORT）或其中文名称（如“护照”）；"
            + "不填则按居民身份证号码或统一社会信用代码识别");

    private final String message;

    IdentityRejection(String message) {
        this.message = message;
    }

    public String code() {
        return name();
    }

    public String message() {
        return message;
    }
}
