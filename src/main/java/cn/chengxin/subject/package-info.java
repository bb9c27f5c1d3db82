/**
 * Credit subjects: persons and organisations, their identity numbers (validated, SM4-encrypted, found by
 * blind index, masked), responsible persons, occupational groups and residency. Facade: {@link
 * cn.chengxin.subject.SubjectRegistry}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "audit"})
package cn.chengxin.subject;
