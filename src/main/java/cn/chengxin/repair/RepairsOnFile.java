package cn.chengxin.repair;

import java.util.List;
import java.util.UUID;

import cn.chengxin.creditfile.CasesOnFile;
import cn.chengxin.shared.security.Permission;
import org.springframework.stereotype.Component;

/** A subject's repair applications, open and decided, as the console's 信用档案 links them (K5 of gaps-review-xxix). */
@Component
class RepairsOnFile implements CasesOnFile {

    private final Repairs repairs;

    RepairsOnFile(Repairs repairs) {
        this.repairs = repairs;
    }

    @Override
    public Permission permission() {
        return Permission.REPAIR_DECIDE;
    }

    @Override
    public List<FiledCase> of(UUID subjectId) {
        return repairs.of(subjectId).stream().map(a -> new FiledCase("file.cases.repair", a.id(),
                "/console/repairs/" + a.id(), a.concerning(), a.filedAt(), "repairs.status." + a.status(), null))
                .toList();
    }
}
