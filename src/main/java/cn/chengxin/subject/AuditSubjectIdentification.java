package cn.chengxin.subject;

import java.util.Arrays;
import java.util.List;

import cn.chengxin.audit.AuditSubjects;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.IdentityDocument;
import org.springframework.stereotype.Component;

/** Identifies for the audit log the subject an auditor types the number of ({@link AuditSubjects}). */
@Component
class AuditSubjectIdentification implements AuditSubjects {

    private final SubjectRegistry registry;

    AuditSubjectIdentification(SubjectRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Identified identify(String documentType, String number) {
        DocumentType type = DocumentType.named(documentType);
        IdentityDocument document = registry.validate(type, number == null ? "" : number.strip());
        return new Identified(registry.pseudonymOf(document), document.masked());
    }

    @Override
    public List<String> documentTypes() {
        return Arrays.stream(DocumentType.values()).map(Enum::name).toList();
    }
}
