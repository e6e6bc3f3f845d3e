package dev.stagecraft.processor.validation;

import static dev.stagecraft.processor.diagnostics.Diagnostic.FAN_OUT_CONSUMER_NOT_LIST;
import static dev.stagecraft.processor.diagnostics.Diagnostic.INPUT_FROM_VOID;
import static dev.stagecraft.processor.diagnostics.Diagnostic.INPUT_TYPE_MISMATCH;

import dev.stagecraft.processor.diagnostics.Location;
import dev.stagecraft.processor.diagnostics.Report;
import dev.stagecraft.processor.parse.InputModel;
import dev.stagecraft.processor.parse.StageModel;
import dev.stagecraft.processor.parse.TypeSupport;
import javax.lang.model.type.TypeMirror;

/**
 * Each {@code @Input} parameter can receive what its producer delivers (generics included; a
 * fan-out producer delivers {@code List<R>}; an {@code Optional<T>} parameter takes a producer of
 * T).
 */
final class InputTypeValidator implements PipelineValidator {
  @Override
  public Report validate(PipelineGraph graph) {
    Report report = new Report();
    TypeSupport types = graph.types();
    for (StageModel s : graph.model().stages()) {
      if (!graph.isPrimary(s)) {
        continue; // a later stage of a duplicated name: only the duplicate is reported
      }
      for (InputModel in : s.inputs()) {
        StageModel producer = graph.stage(in.stage()).orElse(null);
        if (producer == null || producer == s) {
          continue; // reported by the DAG check
        }
        Location at = Location.of(in.element(), in.mirror(), in.value());
        if (producer.isVoid()) {
          report.error(INPUT_FROM_VOID, at, in.stage(), in.stage(), in.stage());
          continue;
        }
        TypeMirror delivered = graph.outputType(producer);
        TypeMirror expected = in.valueType();
        if (types.assignable(delivered, expected)) {
          continue;
        }
        String expectedText = TypeSupport.display(in.type());
        if (producer.isFanOut() && !types.acceptsList(expected)) {
          String list = TypeSupport.display(delivered);
          report.error(
              FAN_OUT_CONSUMER_NOT_LIST,
              at,
              in.stage(),
              expectedText,
              in.stage(),
              list,
              in.optional() ? "Optional<" + list + ">" : list);
        } else {
          report.error(
              INPUT_TYPE_MISMATCH,
              at,
              in.stage(),
              expectedText,
              in.stage(),
              producer.isFanOut() ? "delivers" : "returns",
              TypeSupport.display(delivered));
        }
      }
    }
    return report;
  }
}
