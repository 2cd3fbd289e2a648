package nl.leerlog.tool.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import nl.leerlog.tool.identity.Owner;
import nl.leerlog.tool.identity.PrivateRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/** Every repository of a student's private records asks for the {@link Owner} in every public method. */
class PrivateRecordsTests {

    @Test
    void everyPublicMethodOfAPrivateRepositoryTakesTheOwnerFirst() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(PrivateRecords.class));
        List<String> offenders = new ArrayList<>();
        int repositories = 0;
        for (BeanDefinition candidate : scanner.findCandidateComponents("nl.leerlog.tool")) {
            Class<?> type =
                    ClassUtils.forName(candidate.getBeanClassName(), getClass().getClassLoader());
            repositories++;
            for (Method method : type.getDeclaredMethods()) {
                boolean reachable = !Modifier.isPrivate(method.getModifiers())
                        && !method.isSynthetic()
                        && !Modifier.isStatic(method.getModifiers());
                boolean ownerFirst = method.getParameterCount() > 0 && method.getParameterTypes()[0] == Owner.class;
                if (reachable && !ownerFirst) {
                    offenders.add(type.getSimpleName() + "." + method.getName());
                }
            }
        }

        assertThat(repositories).as("repositories marked @PrivateRecords").isGreaterThanOrEqualTo(3);
        assertThat(offenders)
                .as("methods that reach private records without an Owner")
                .isEmpty();
    }
}
