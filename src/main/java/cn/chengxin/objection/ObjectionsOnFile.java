package cn.chengxin.objection;

import java.util.List;
import java.util.UUID;

import cn.chengxin.creditfile.CasesOnFile;
import cn.chengxin.shared.security.Permission;
import org.springframework.stereotype.Component;

/** A subject's objections, open and decided, as the console's 信用档案 links them (K5 of gaps-review-xxix). */
@Component
class ObjectionsOnFile implements CasesOnFile {

    private final Objections objections;

    ObjectionsOnFile(Objections objections) {
        this.objections = objections;
    }

    @Override
    public Permission permission() {
        return Permission.OBJECTION_HANDLE;
    }

    @Override
    public List<FiledCase> of(UUID subjectId) {
        List<Objection> cases = objections.of(subjectId);
        var contested = objections.contestedOf(cases);
        return cases.stream().map(o -> new FiledCase("file.cases.objection", o.id(), "/console/objections/" + o.id(),
                contested.get(o.id()).itemName(), o.filedAt(), "objections.status." + o.status(),
                o.outcomeKey())).toList();
    }
}
