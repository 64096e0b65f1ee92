package org.kamal4j.build.jib;

import com.google.cloud.tools.jib.api.MainClassFinder;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.kamal4j.FlowException;
import org.kamal4j.build.JibBackend;
import org.kamal4j.build.JibPlan;
import org.kamal4j.build.JibResult;
import org.kamal4j.build.RegistryAuth;

/** {@link JibBackend} on jib-core; made by {@code JibClassLoader} through its public no-argument constructor. */
public final class JibCore implements JibBackend {

    @Override
    public List<String> mainClasses(List<Path> classFiles) {
        MainClassFinder.Result found = MainClassFinder.find(classFiles, e -> { });
        return switch (found.getType()) {
            case MAIN_CLASS_FOUND -> List.of(found.getFoundMainClass());
            case MAIN_CLASS_NOT_FOUND -> List.of();
            case MULTIPLE_MAIN_CLASSES -> found.getFoundMainClasses();
        };
    }

    @Override
    public JibResult build(JibPlan plan, RegistryAuth auth, Consumer<String> info) throws FlowException,
            InterruptedException {
        return new JibImageBuilder(info).build(plan, auth);
    }
}
