package cn.chengxin.subject;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.chengxin.subject.domain.IdentityDocument;
import cn.chengxin.subject.domain.ResponsibleRole;

/** An organisation to register with its responsible persons (already registered as persons). */
public record NewOrganisation(IdentityDocument document, String name, LocalDate establishedOn,
                              List<Responsible> responsiblePersons, boolean synthetic) {

    public NewOrganisation {
        responsiblePersons = List.copyOf(responsiblePersons);
    }

    public record Responsible(UUID personId, ResponsibleRole role, LocalDate from) {
    }
}
