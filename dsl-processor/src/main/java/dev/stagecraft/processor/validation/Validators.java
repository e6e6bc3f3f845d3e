package dev.stagecraft.processor.validation;

import dev.stagecraft.processor.diagnostics.Report;
import java.util.List;

/** Every pipeline check, run in a fixed order; all their problems are reported together. */
public final class Validators {
  private final List<PipelineValidator> validators =
      List.of(
          new StructureValidator(),
          new StageAttributeValidator(),
          new ResourceValidator(),
          new ParametersValidator(),
          new ParamValidator(),
          new DagValidator(),
          new InputTypeValidator(),
          new ForEachValidator());

  /** Runs every check and the condition compiler's report. */
  public Report validate(PipelineGraph graph) {
    Report report = new Report();
    for (PipelineValidator v : validators) {
      report.addAll(v.validate(graph));
    }
    report.addAll(graph.conditionReport());
    return report;
  }
}
