package dev.stagecraft.processor.validation;

import static dev.stagecraft.processor.diagnostics.Diagnostic.INVALID_RESOURCES;
import static dev.stagecraft.processor.diagnostics.Diagnostic.NEGATIVE_GPU;

import dev.stagecraft.annotations.syntax.Quantities;
import dev.stagecraft.processor.diagnostics.Location;
import dev.stagecraft.processor.diagnostics.Report;
import dev.stagecraft.processor.parse.ResourcesModel;
import dev.stagecraft.processor.parse.StageModel;

/** {@code @Resources} on the class and on stages: Kubernetes quantities, no negative GPUs. */
final class ResourceValidator implements PipelineValidator {
  @Override
  public Report validate(PipelineGraph graph) {
    Report report = new Report();
    graph.model().resources().ifPresent(r -> check(r, report));
    for (StageModel s : graph.model().stages()) {
      s.resources().ifPresent(r -> check(r, report));
    }
    return report;
  }

  private static void check(ResourcesModel r, Report report) {
    if (r.cpu() != null) {
      try {
        Quantities.cpuMillis(r.cpu());
      } catch (IllegalArgumentException | ArithmeticException e) {
        report.error(
            INVALID_RESOURCES,
            Location.of(r.element(), r.mirror(), r.cpuValue()),
            message(e, "cpu", r.cpu()));
      }
    }
    if (r.memory() != null) {
      try {
        Quantities.memoryBytes(r.memory());
      } catch (IllegalArgumentException | ArithmeticException e) {
        report.error(
            INVALID_RESOURCES,
            Location.of(r.element(), r.mirror(), r.memoryValue()),
            message(e, "memory", r.memory()));
      }
    }
    if (r.gpu() != null && r.gpu() < 0) {
      report.error(NEGATIVE_GPU, Location.of(r.element(), r.mirror(), r.gpuValue()), r.gpu());
    }
  }

  private static String message(RuntimeException e, String what, String text) {
    return e instanceof ArithmeticException
        ? what + " \"" + text + "\" is too large"
        : e.getMessage();
  }
}
