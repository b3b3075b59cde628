package vn.truongso;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModuleDependency;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The modules and the dependencies the code really has, as a Mermaid graph (GitHub and most
 * Markdown viewers draw it); Spring Modulith's PlantUML files go to target/spring-modulith-docs.
 */
final class ModuleDiagram {

  private ModuleDiagram() {}

  static String mermaid(ApplicationModules modules) {
    List<ApplicationModule> sorted =
        modules.stream().sorted(Comparator.comparing(m -> id(m))).toList();
    StringBuilder out = new StringBuilder();
    out.append("# TruongSo modules\n\n")
        .append("Drawn from the code by `ModularityTests` (do not edit by hand): an arrow from a\n")
        .append("module to each module whose public API its code uses. The allowed dependencies\n")
        .append("are declared in each module's `package-info.java`; see `ARCHITECTURE.md`.\n\n")
        .append("```mermaid\ngraph TD\n");
    for (ApplicationModule m : sorted) {
      out.append("  ").append(id(m)).append("[\"").append(m.getDisplayName()).append("\"]\n");
    }
    for (ApplicationModule m : sorted) {
      String targets =
          m.getDirectDependencies(modules).stream()
              .map(ApplicationModuleDependency::getTargetModule)
              .map(ModuleDiagram::id)
              .filter(t -> !t.equals(id(m)))
              .distinct()
              .sorted()
              .collect(Collectors.joining(" & "));
      if (!targets.isEmpty()) {
        out.append("  ").append(id(m)).append(" --> ").append(targets).append('\n');
      }
    }
    return out.append("```\n").toString();
  }

  private static String id(ApplicationModule m) {
    return m.getIdentifier().toString();
  }
}
