package cn.chengxin.platform.web;

import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import cn.chengxin.audit.AuditLog;
import cn.chengxin.audit.AuditUnavailableException;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Whether a handler can answer 503 {@code AUDIT_UNAVAILABLE} (gaps review xl U3): whether the code it calls, followed
 * call by call through the compiled classes of every module, reaches one of the audit log's record methods, or raises
 * {@link AuditUnavailableException} itself. Read per method, not per class, so that a read which audits nothing beside
 * an audited write of the same controller or facade is told apart.
 *
 * <p>A call to a method of an interface or an overridable class is followed into every override the sources hold (the
 * implementation Spring injects is among them); lambdas and method references count as calls of the method declaring
 * them. Not followed: what the framework calls on its own (event listeners, filters): an audit made there is not the
 * handler's answer.
 */
final class AuditReach {

    /** The audit log's methods that store an event, and refuse (fail closed) when it cannot be stored. */
    private static final Set<String> RECORDING = Set.of("record", "recordAll", "submit");

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.chengxin");

    boolean reachesAuditLog(Method handler) {
        JavaCodeUnit start = classes.get(handler.getDeclaringClass()).getMethod(handler.getName(),
                handler.getParameterTypes());
        Deque<JavaCodeUnit> todo = new ArrayDeque<>(List.of(start));
        Set<JavaCodeUnit> seen = new HashSet<>(todo);
        while (!todo.isEmpty()) {
            JavaCodeUnit unit = todo.pop();
            for (JavaAccess<?> access : accessesFrom(unit)) {
                AccessTarget.CodeUnitAccessTarget target = (AccessTarget.CodeUnitAccessTarget) access.getTarget();
                if (stores(target)) {
                    return true;
                }
                for (JavaCodeUnit next : overrides(target)) {
                    if (seen.add(next)) {
                        todo.push(next);
                    }
                }
            }
        }
        return false;
    }

    private static List<JavaAccess<?>> accessesFrom(JavaCodeUnit unit) {
        return Stream.of(unit.getCallsFromSelf(), unit.getMethodReferencesFromSelf(),
                unit.getConstructorReferencesFromSelf()).<JavaAccess<?>>flatMap(Set::stream).toList();
    }

    private static boolean stores(AccessTarget.CodeUnitAccessTarget target) {
        String owner = target.getOwner().getName();
        return owner.equals(AuditLog.class.getName()) && RECORDING.contains(target.getName())
                || owner.equals(AuditUnavailableException.class.getName())
                && target.getName().equals(JavaConstructor.CONSTRUCTOR_NAME);
    }

    /** The code unit called, and each override of it in the platform's classes. */
    private static Set<JavaCodeUnit> overrides(AccessTarget.CodeUnitAccessTarget target) {
        JavaClass owner = target.getOwner();
        Set<JavaCodeUnit> units = new HashSet<>();
        if (!owner.getPackageName().startsWith("cn.chengxin")) {
            return units;
        }
        target.resolveMember().ifPresent(units::add);
        if (target.getName().equals(JavaConstructor.CONSTRUCTOR_NAME)) {
            return units;
        }
        List<String> parameters = target.getRawParameterTypes().stream().map(JavaClass::getName).toList();
        for (JavaClass sub : owner.getAllSubclasses()) {
            sub.getMethods().stream().filter(m -> m.getName().equals(target.getName())
                            && m.getRawParameterTypes().stream().map(JavaClass::getName).toList().equals(parameters))
                    .forEach(units::add);
        }
        return units;
    }
}
