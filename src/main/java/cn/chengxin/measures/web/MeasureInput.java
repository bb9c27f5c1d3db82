package cn.chengxin.measures.web;

import java.util.Set;

import cn.chengxin.listing.ListType;
import cn.chengxin.measures.Measure;
import cn.chengxin.measures.Scenario;
import cn.chengxin.subject.domain.SubjectKind;

/**
 * What a measure's form shows: the measure as the catalogue keeps it, or what an editor typed and the catalogue
 * refused, shown again with the refusal so that they correct it rather than type it all again.
 */
record MeasureInput(String name, String legalBasis, Set<String> departments, boolean allDepartments,
                    Set<ListType> listTypes, Set<Scenario> scenarios, boolean cleanRecord,
                    Set<SubjectKind> subjectKinds, Set<String> ruleCodes, boolean reachesResponsiblePersons,
                    String responsiblePersonsBasis) {

    MeasureInput {
        departments = departments == null ? Set.of() : Set.copyOf(departments);
        listTypes = listTypes == null ? Set.of() : Set.copyOf(listTypes);
        scenarios = scenarios == null ? Set.of() : Set.copyOf(scenarios);
        subjectKinds = subjectKinds == null ? Set.of() : Set.copyOf(subjectKinds);
        ruleCodes = ruleCodes == null ? Set.of() : Set.copyOf(ruleCodes);
    }

    static MeasureInput of(Measure measure) {
        return new MeasureInput(measure.name(), measure.legalBasis(), measure.departments(), measure.allDepartments(),
                measure.listTypes(), measure.scenarios(), measure.cleanRecord(), measure.subjectKinds(), measure.ruleCodes(),
                measure.reachesResponsiblePersons(), measure.responsiblePersonsBasis());
    }
}
