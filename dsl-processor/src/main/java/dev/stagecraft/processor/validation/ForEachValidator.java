package dev.stagecraft.processor.validation;

import static dev.stagecraft.processor.diagnostics.Diagnostic.DUPLICATE_ITEM;
import static dev.stagecraft.processor.diagnostics.Diagnostic.FOR_EACH_INPUT_NOT_LIST;
import static dev.stagecraft.processor.diagnostics.Diagnostic.FOR_EACH_PARAM_NOT_LIST;
import static dev.stagecraft.processor.diagnostics.Diagnostic.FOR_EACH_SOURCES;
import static dev.stagecraft.processor.diagnostics.Diagnostic.FOR_EACH_WITHOUT_ITEM;
import static dev.stagecraft.processor.diagnostics.Diagnostic.ITEM_TYPE_MISMATCH;
import static dev.stagecraft.processor.diagnostics.Diagnostic.ITEM_WITHOUT_FOR_EACH;
import static dev.stagecraft.processor.diagnostics.Diagnostic.UNKNOWN_PARAM;

import dev.stagecraft.annotations.syntax.Suggestions;
import dev.stagecraft.processor.diagnostics.Location;
import dev.stagecraft.processor.diagnostics.Report;
import dev.stagecraft.processor.parse.ForEachModel;
import dev.stagecraft.processor.parse.ItemModel;
import dev.stagecraft.processor.parse.ParamModel;
import dev.stagecraft.processor.parse.StageModel;
import dev.stagecraft.processor.parse.TypeSupport;
import java.util.List;
import java.util.Optional;
import javax.lang.model.type.TypeMirror;

/**
 * {@code @ForEach} and {@code @Item}: exactly one source, an {@code @Item} exactly when fanning
 * out, a List to fan out over, and an item type that fits the items.
 */
final class ForEachValidator implements PipelineValidator {
  @Override
  public Report validate(PipelineGraph graph) {
    Report report = new Report();
    for (StageModel s : graph.model().stages()) {
      if (!graph.isPrimary(s)) {
        continue; // a later stage of a duplicated name: only the duplicate is reported
      }
      List<ItemModel> items = s.items();
      if (s.forEach().isEmpty()) {
        for (ItemModel item : items) {
          report.error(
              ITEM_WITHOUT_FOR_EACH,
              Location.of(item.element(), item.mirror()),
              item.simpleName(),
              s.name());
        }
        continue;
      }
      ForEachModel f = s.forEach().get();
      Location at = Location.of(s.method(), f.mirror());
      List<String> sources = f.sources();
      if (sources.size() != 1) {
        report.error(
            FOR_EACH_SOURCES,
            at,
            s.name(),
            sources.isEmpty() ? "none" : String.join(" and ", sources));
      }
      if (items.isEmpty()) {
        report.error(FOR_EACH_WITHOUT_ITEM, at, s.name());
      } else if (items.size() > 1) {
        report.error(
            DUPLICATE_ITEM, Location.of(items.get(1).element(), items.get(1).mirror()), s.name());
      }
      if (sources.size() != 1) {
        continue;
      }
      Optional<ItemModel> item = items.isEmpty() ? Optional.empty() : Optional.of(items.get(0));
      itemType(graph, s, f, report)
          .ifPresent(
              itemType ->
                  item.ifPresent(
                      it -> {
                        if (!graph.types().assignable(itemType, it.type())) {
                          report.error(
                              ITEM_TYPE_MISMATCH,
                              Location.of(it.element(), it.mirror()),
                              s.name(),
                              TypeSupport.display(it.type()),
                              describe(f),
                              TypeSupport.display(itemType));
                        }
                      }));
    }
    return report;
  }

  private static String describe(ForEachModel f) {
    if (f.itemsValue() != null) {
      return "@ForEach(items)";
    }
    if (f.paramValue() != null) {
      return "@ForEach(param = \"" + f.param() + "\")";
    }
    return "@ForEach(input = \"" + f.input() + "\")";
  }

  /** The type of the items, when it is known (errors about the source are reported here). */
  private static Optional<TypeMirror> itemType(
      PipelineGraph graph, StageModel s, ForEachModel f, Report report) {
    TypeSupport types = graph.types();
    if (f.itemsValue() != null) {
      return Optional.of(types.elements().getTypeElement("java.lang.String").asType());
    }
    if (f.paramValue() != null) {
      Location at = Location.of(s.method(), f.mirror(), f.paramValue());
      ParamModel p = graph.params().get(f.param());
      if (p == null) {
        report.error(
            UNKNOWN_PARAM,
            at,
            f.param(),
            s.name(),
            Suggestions.didYouMean(f.param(), graph.params().keySet()));
        return Optional.empty();
      }
      Optional<TypeMirror> element = types.listElement(p.type());
      if (element.isEmpty()) {
        report.error(
            FOR_EACH_PARAM_NOT_LIST,
            at,
            f.param(),
            s.name(),
            f.param(),
            TypeSupport.display(p.type()));
      }
      return element;
    }
    Location at = Location.of(s.method(), f.mirror(), f.inputValue());
    StageModel producer = graph.stage(f.input()).orElse(null);
    if (producer == null || producer == s) {
      return Optional.empty(); // reported by the DAG check
    }
    TypeMirror delivered = graph.outputType(producer);
    Optional<TypeMirror> element = types.listElement(delivered);
    if (element.isEmpty()) {
      report.error(
          FOR_EACH_INPUT_NOT_LIST,
          at,
          f.input(),
          s.name(),
          f.input(),
          TypeSupport.display(delivered));
    }
    return element;
  }
}
