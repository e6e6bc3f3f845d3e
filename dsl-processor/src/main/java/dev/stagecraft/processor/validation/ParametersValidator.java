package dev.stagecraft.processor.validation;

import static dev.stagecraft.processor.diagnostics.Diagnostic.DUPLICATE_PARAMETERS;
import static dev.stagecraft.processor.diagnostics.Diagnostic.PARAMETERS_FULL_CONSTRUCTOR;
import static dev.stagecraft.processor.diagnostics.Diagnostic.PARAMETERS_NOT_RECORD;
import static dev.stagecraft.processor.diagnostics.Diagnostic.PARAMETERS_PRIVATE;

import dev.stagecraft.processor.diagnostics.Location;
import dev.stagecraft.processor.diagnostics.Report;
import dev.stagecraft.processor.parse.ParametersModel;
import java.util.List;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;

/**
 * The {@code @Parameters} type of a pipeline: one, a record the generated class can construct,
 * whose compact (or implicit) canonical constructor keeps the components' annotations.
 */
final class ParametersValidator implements PipelineValidator {
  @Override
  public Report validate(PipelineGraph graph) {
    Report report = new Report();
    List<ParametersModel> all = graph.model().parameters();
    for (int i = 0; i < all.size(); i++) {
      ParametersModel p = all.get(i);
      Location at = Location.of(p.type(), p.mirror());
      if (i > 0) {
        report.error(
            DUPLICATE_PARAMETERS,
            at,
            graph.model().element().getQualifiedName(),
            all.get(0).simpleName(),
            p.simpleName());
      }
      if (p.type().getKind() != ElementKind.RECORD) {
        report.error(
            PARAMETERS_NOT_RECORD,
            at,
            p.type().getKind().toString().toLowerCase(java.util.Locale.ROOT)
                + " "
                + p.simpleName());
        continue;
      }
      if (p.type().getModifiers().contains(Modifier.PRIVATE)) {
        report.error(PARAMETERS_PRIVATE, at, p.simpleName());
      }
      if (p.annotationsDropped()) {
        report.error(
            PARAMETERS_FULL_CONSTRUCTOR,
            Location.of(p.constructor()),
            p.simpleName(),
            p.simpleName());
      }
    }
    return report;
  }
}
