package cn.chengxin.support;

import java.time.LocalDate;
import java.util.UUID;

import cn.chengxin.subject.RenamingSubjects;
import cn.chengxin.subject.domain.NameChangeEvidence;

import static cn.chengxin.support.AsStaff.as;

/** A subject's name changed as the credit office does it: proposed by one person, approved by another. */
public final class TestRenames {

    private TestRenames() {
    }

    public static void approved(RenamingSubjects names, UUID subject, String newName, LocalDate from) throws Exception {
        UUID proposal = as("rename-maker", () -> names.propose(subject, newName, from,
                NameChangeEvidence.OTHER_OFFICIAL, "变更证明 2026-" + (System.nanoTime() % 1000) + " 号", "名称已变更"));
        as("rename-checker", () -> {
            names.approve(proposal, "与证明材料核对一致");
            return null;
        });
    }
}
