package cn.chengxin.ingestion;

/**
 * A person the row's decision names as answering for the organisation's act: its legal representative, principal
 * person in charge or a directly responsible person (RULES.md §1: the organisation's dishonesty is recorded on them
 * too). The penalty decision names them, so the row may: the registry knows the responsible persons of few
 * organisations (none registered by a submission), and this is how a real company's get their copies. Text until
 * validated, like the row.
 *
 * @param role           LEGAL_REPRESENTATIVE, PRINCIPAL or DIRECTLY_RESPONSIBLE, or the Chinese label
 * @param identityNumber the person's resident identity number
 * @param idField        where the number was sent, for a problem with it or with the role: an API row's
 *                       {@code responsiblePersons[0].identityNumber}, a file's column
 * @param nameField      where the name was sent
 */
public record ResponsiblePersonSent(String role, String identityNumber, String name, String idField,
                                    String nameField) {

    /** The {@code index}th (from 0) of an API row's {@code responsiblePersons}. */
    public static ResponsiblePersonSent atIndex(int index, String role, String identityNumber, String name) {
        String at = "responsiblePersons[" + index + "].";
        return new ResponsiblePersonSent(role, identityNumber, name, at + "identityNumber", at + "name");
    }

    /** Where the role was sent: beside the number in an API row; a file's column states it with the number. */
    String roleField() {
        return idField.endsWith(".identityNumber")
                ? idField.substring(0, idField.length() - "identityNumber".length()) + "role" : idField;
    }

    /** The number is personal data: never print it. */
    @Override
    public String toString() {
        return "ResponsiblePersonSent[" + role + ", " + idField + "]";
    }
}
