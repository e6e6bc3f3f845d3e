package dev.stagecraft.processor.validation;

import dev.stagecraft.processor.diagnostics.Location;
import dev.stagecraft.processor.parse.DependencyModel;
import dev.stagecraft.processor.parse.InputModel;
import dev.stagecraft.processor.parse.StageModel;
import java.util.ArrayList;
import java.util.List;

/**
 * One edge of the graph as written: a stage needing another through {@code @DependsOn},
 * {@code @Input}, {@code @ForEach(input)} or a {@code @When} condition.
 *
 * @param via how it was written, for messages
 */
record Reference(StageModel from, String to, String via, String verb, Location location) {

  /** Every reference of a stage, in a fixed order. */
  static List<Reference> of(StageModel s, PipelineGraph graph) {
    List<Reference> out = new ArrayList<>();
    for (DependencyModel d : s.dependsOn()) {
      out.add(
          new Reference(
              s,
              d.stage(),
              "@DependsOn(\"" + d.stage() + "\")",
              "depends on",
              Location.of(s.method(), d.mirror(), d.value())));
    }
    for (InputModel in : s.inputs()) {
      out.add(
          new Reference(
              s,
              in.stage(),
              "@Input(\"" + in.stage() + "\")",
              "has @Input from",
              Location.of(in.element(), in.mirror(), in.value())));
    }
    s.forEach()
        .ifPresent(
            f -> {
              if (f.inputValue() != null) {
                out.add(
                    new Reference(
                        s,
                        f.input(),
                        "@ForEach(input = \"" + f.input() + "\")",
                        "fans out over",
                        Location.of(s.method(), f.mirror(), f.inputValue())));
              }
            });
    graph
        .condition(s)
        .ifPresent(
            c -> {
              var when = s.when().orElseThrow();
              for (String stage : c.stages()) {
                out.add(
                    new Reference(
                        s,
                        stage,
                        "@When(\"" + when.source() + "\")",
                        "reads in @When",
                        Location.of(s.method(), when.mirror(), when.value())));
              }
            });
    return out;
  }
}
