package cn.chengxin.audit;

import java.util.List;

/**
 * How the audit log finds the events about a subject from a number the auditor types: the subject registry (which
 * records into this log, so this module cannot call it) turns the number into the pseudonym events carry, and masks it
 * for the page. The number itself is never kept nor shown.
 */
public interface AuditSubjects {

    /** A typed number, identified: the pseudonym events carry, and the number masked for the page. */
    record Identified(String pseudonym, String maskedNumber) {
    }

    /**
     * @param documentType a document type's name, or blank to read the number as an identity number or credit code
     * @throws cn.chengxin.shared.DomainProblem (a coded, invalid-input problem) when the number or type does not read
     */
    Identified identify(String documentType, String number);

    /** The document types' names the form offers, in order. */
    List<String> documentTypes();
}
