package dev.stagecraft.processor.validation;

import static dev.stagecraft.processor.diagnostics.Diagnostic.DEFAULT_WITHOUT_PARAM;
import static dev.stagecraft.processor.diagnostics.Diagnostic.INVALID_DEFAULT;
import static dev.stagecraft.processor.diagnostics.Diagnostic.PARAMETER_AMBIGUOUS;
import static dev.stagecraft.processor.diagnostics.Diagnostic.PARAMETER_UNANNOTATED;
import static dev.stagecraft.processor.diagnostics.Diagnostic.PARAM_DEFAULT_CONFLICT;
import static dev.stagecraft.processor.diagnostics.Diagnostic.PARAM_EMPTY_NAME;
import static dev.stagecraft.processor.diagnostics.Diagnostic.PARAM_TYPE_CONFLICT;
import static dev.stagecraft.processor.diagnostics.Diagnostic.PARAM_UNSUPPORTED_TYPE;

import dev.stagecraft.annotations.syntax.ValueSyntax;
import dev.stagecraft.processor.diagnostics.Location;
import dev.stagecraft.processor.diagnostics.Report;
import dev.stagecraft.processor.parse.AmbiguousParameter;
import dev.stagecraft.processor.parse.DefaultModel;
import dev.stagecraft.processor.parse.ParamKind;
import dev.stagecraft.processor.parse.ParamModel;
import dev.stagecraft.processor.parse.StageModel;
import dev.stagecraft.processor.parse.StageParameter;
import dev.stagecraft.processor.parse.TypeSupport;
import dev.stagecraft.processor.parse.UnannotatedParameter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Stage parameters and pipeline parameters: each parameter receives something, {@code @Param} types
 * are supported, one name has one type and one default, defaults parse into their type.
 */
final class ParamValidator implements PipelineValidator {
  @Override
  public Report validate(PipelineGraph graph) {
    Report report = new Report();
    Map<String, StageModel> declaredOn = new HashMap<>();
    Map<String, ParamModel> firstDefault = new HashMap<>();
    Map<String, StageModel> firstDefaultOn = new HashMap<>();
    for (StageModel s : graph.model().stages()) {
      for (StageParameter p : s.parameters()) {
        if (p instanceof UnannotatedParameter u) {
          report.error(PARAMETER_UNANNOTATED, Location.of(u.element()), u.simpleName(), s.name());
        } else if (p instanceof AmbiguousParameter a) {
          report.error(
              PARAMETER_AMBIGUOUS,
              Location.of(a.element()),
              a.simpleName(),
              s.name(),
              String.join(" and ", a.annotations()));
        } else if (p instanceof ParamModel pm) {
          checkParam(graph, s, pm, declaredOn, firstDefault, firstDefaultOn, report);
        }
      }
      for (DefaultModel d : s.strayDefaults()) {
        report.error(
            DEFAULT_WITHOUT_PARAM,
            Location.of(d.element(), d.mirror()),
            d.element().getSimpleName(),
            s.name());
      }
    }
    return report;
  }

  private static void checkParam(
      PipelineGraph graph,
      StageModel s,
      ParamModel pm,
      Map<String, StageModel> declaredOn,
      Map<String, ParamModel> firstDefault,
      Map<String, StageModel> firstDefaultOn,
      Report report) {
    if (pm.name().isEmpty()) {
      report.error(PARAM_EMPTY_NAME, Location.of(pm.element(), pm.mirror(), pm.nameValue()));
      return;
    }
    if (pm.kind().isEmpty()) {
      report.error(
          PARAM_UNSUPPORTED_TYPE,
          Location.of(pm.element()),
          pm.name(),
          TypeSupport.display(pm.type()));
    }
    ParamModel first = graph.params().get(pm.name());
    StageModel firstOn = declaredOn.putIfAbsent(pm.name(), s);
    if (first != null
        && first != pm
        && firstOn != null
        && !graph.types().types().isSameType(first.type(), pm.type())) {
      report.error(
          PARAM_TYPE_CONFLICT,
          Location.of(pm.element()),
          pm.name(),
          TypeSupport.display(pm.type()),
          TypeSupport.display(first.type()),
          firstOn.name());
    }
    if (pm.defaultValue().isEmpty()) {
      return;
    }
    DefaultModel d = pm.defaultValue().get();
    Location at = Location.of(d.element(), d.mirror(), d.value());
    ParamModel other = firstDefault.putIfAbsent(pm.name(), pm);
    if (other == null) {
      firstDefaultOn.put(pm.name(), s);
    } else {
      String otherText = other.defaultValue().orElseThrow().text();
      if (!otherText.equals(d.text())) {
        report.error(
            PARAM_DEFAULT_CONFLICT,
            at,
            pm.name(),
            d.text(),
            otherText,
            firstDefaultOn.get(pm.name()).name());
      }
    }
    pm.kind()
        .flatMap(k -> parseError(k, d.text()))
        .ifPresent(msg -> report.error(INVALID_DEFAULT, at, d.text(), pm.name(), msg));
  }

  /**
   * Why {@code text} is not a value of the kind, as the runtime would say it; empty when it parses.
   */
  static Optional<String> parseError(ParamKind kind, String text) {
    if (kind instanceof ParamKind.Scalar s) {
      try {
        ValueSyntax.parse(s.kind(), text);
        return Optional.empty();
      } catch (IllegalArgumentException e) {
        return Optional.of(e.getMessage());
      }
    }
    if (kind instanceof ParamKind.EnumKind e) {
      String t = text.trim();
      for (String c : e.constants()) {
        if (c.equalsIgnoreCase(t)) {
          return Optional.empty();
        }
      }
      return Optional.of(
          "\""
              + text
              + "\" is not a "
              + e.displayName()
              + " (use one of "
              + String.join(", ", e.constants())
              + ")");
    }
    ParamKind.ListKind list = (ParamKind.ListKind) kind;
    for (String part : ValueSyntax.splitList(text)) {
      Optional<String> error = parseError(list.element(), part);
      if (error.isPresent()) {
        return error.map(m -> m + " in list \"" + text + "\"");
      }
    }
    return Optional.empty();
  }
}
