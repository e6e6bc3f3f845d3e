package dev.stagecraft.processor.validation;

import static dev.stagecraft.processor.diagnostics.Diagnostic.CHECK_NOT_APPLICABLE;
import static dev.stagecraft.processor.diagnostics.Diagnostic.DEFAULT_FAILS_CHECK;
import static dev.stagecraft.processor.diagnostics.Diagnostic.DEFAULT_WITHOUT_PARAM;
import static dev.stagecraft.processor.diagnostics.Diagnostic.INVALID_CHECK;
import static dev.stagecraft.processor.diagnostics.Diagnostic.INVALID_DEFAULT;
import static dev.stagecraft.processor.diagnostics.Diagnostic.INVALID_PARAM_NAME;
import static dev.stagecraft.processor.diagnostics.Diagnostic.PARAMETER_AMBIGUOUS;
import static dev.stagecraft.processor.diagnostics.Diagnostic.PARAMETER_UNANNOTATED;
import static dev.stagecraft.processor.diagnostics.Diagnostic.PARAM_CHECK_CONFLICT;
import static dev.stagecraft.processor.diagnostics.Diagnostic.PARAM_DEFAULT_CONFLICT;
import static dev.stagecraft.processor.diagnostics.Diagnostic.PARAM_DESCRIPTION_CONFLICT;
import static dev.stagecraft.processor.diagnostics.Diagnostic.PARAM_EMPTY_NAME;
import static dev.stagecraft.processor.diagnostics.Diagnostic.PARAM_TYPE_CONFLICT;
import static dev.stagecraft.processor.diagnostics.Diagnostic.PARAM_UNSUPPORTED_TYPE;
import static dev.stagecraft.processor.diagnostics.Diagnostic.UNDECLARED_PARAM;
import static dev.stagecraft.processor.diagnostics.Diagnostic.UNREAD_PARAM;

import dev.stagecraft.annotations.syntax.Names;
import dev.stagecraft.annotations.syntax.Suggestions;
import dev.stagecraft.annotations.syntax.ValueCheck;
import dev.stagecraft.annotations.syntax.ValueSyntax;
import dev.stagecraft.processor.diagnostics.Location;
import dev.stagecraft.processor.diagnostics.Report;
import dev.stagecraft.processor.parse.AmbiguousParameter;
import dev.stagecraft.processor.parse.Annotations;
import dev.stagecraft.processor.parse.CheckModel;
import dev.stagecraft.processor.parse.DefaultModel;
import dev.stagecraft.processor.parse.ParamKind;
import dev.stagecraft.processor.parse.ParamModel;
import dev.stagecraft.processor.parse.ParametersModel;
import dev.stagecraft.processor.parse.StageModel;
import dev.stagecraft.processor.parse.StageParameter;
import dev.stagecraft.processor.parse.TypeSupport;
import dev.stagecraft.processor.parse.UnannotatedParameter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.lang.model.element.AnnotationMirror;

/**
 * Stage parameters and pipeline parameters: each stage parameter receives something; each
 * declaration has a valid name, a supported type, checks that apply to its type and a default that
 * parses and passes them; the declarations of one name agree on type, default, description and
 * checks; with a {@code @Parameters} record, stages read only what it declares, and what it
 * declares is read (else a warning).
 */
final class ParamValidator implements PipelineValidator {
  /**
   * One declaration and where it is: on a stage, or in a {@code @Parameters} record ({@code stage}
   * null, {@code record} set).
   */
  private record Declaration(ParamModel param, StageModel stage, ParametersModel record) {}

  @Override
  public Report validate(PipelineGraph graph) {
    Report report = new Report();
    List<ParametersModel> records = graph.model().parameters();
    List<Declaration> all = new ArrayList<>();
    records.forEach(r -> r.params().forEach(p -> all.add(new Declaration(p, null, r))));
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
          all.add(new Declaration(pm, s, null));
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
    Map<String, List<Declaration>> byName = new LinkedHashMap<>();
    for (Declaration d : all) {
      if (checkDeclaration(d.param(), report)) {
        byName.computeIfAbsent(d.param().name(), n -> new ArrayList<>()).add(d);
      }
    }
    for (List<Declaration> declarations : byName.values()) {
      if (!records.isEmpty() && declarations.get(0).stage() != null) {
        undeclared(records.get(0), declarations, report);
      } else {
        agree(graph, declarations, report);
      }
    }
    records.forEach(r -> unread(graph, r, report));
    return report;
  }

  /** Checks one declaration alone; false when its name is unusable (reported). */
  private static boolean checkDeclaration(ParamModel p, Report report) {
    Location nameAt = nameLocation(p);
    if (p.nameValue() != null && p.name().isEmpty()) {
      report.error(PARAM_EMPTY_NAME, nameAt);
      return false;
    }
    Optional<String> badName = Names.problem(p.name());
    if (badName.isPresent()) {
      report.error(INVALID_PARAM_NAME, nameAt, p.name(), badName.get(), Names.RULE);
      return false;
    }
    if (p.kind().isEmpty()) {
      report.error(
          PARAM_UNSUPPORTED_TYPE,
          Location.of(p.element()),
          p.name(),
          TypeSupport.display(p.type()));
      return true;
    }
    ParamKind kind = p.kind().get();
    List<CheckModel> usable = new ArrayList<>();
    for (CheckModel c : p.checks()) {
      Location at = Location.of(p.element(), c.mirror());
      Optional<String> checks = appliesTo(c.check(), kind);
      if (checks.isPresent()) {
        report.error(
            CHECK_NOT_APPLICABLE, at, c.annotation(), p.name(), kind.displayName(), checks.get());
        continue;
      }
      Optional<String> invalid = invalid(c.check());
      if (invalid.isPresent()) {
        report.error(INVALID_CHECK, at, c.annotation(), p.name(), invalid.get());
        continue;
      }
      usable.add(c);
    }
    p.defaultValue().ifPresent(d -> checkDefault(p, kind, d, usable, report));
    return true;
  }

  private static void checkDefault(
      ParamModel p, ParamKind kind, DefaultModel d, List<CheckModel> checks, Report report) {
    Location at = Location.of(d.element(), d.mirror(), d.value());
    Optional<String> parseError = parseError(kind, d.text());
    if (parseError.isPresent()) {
      report.error(INVALID_DEFAULT, at, d.text(), p.name(), parseError.get());
      return;
    }
    Object value = parse(kind, d.text());
    for (CheckModel c : checks) {
      c.check()
          .violation(value)
          .ifPresent(
              why ->
                  report.error(DEFAULT_FAILS_CHECK, at, d.text(), p.name(), why, c.annotation()));
    }
  }

  /** What a check checks, when it does not apply to the kind; empty when it applies. */
  private static Optional<String> appliesTo(ValueCheck check, ParamKind kind) {
    ParamKind element = kind instanceof ParamKind.ListKind list ? list.element() : kind;
    ValueSyntax.Kind scalar = element instanceof ParamKind.Scalar s ? s.kind() : null;
    if (check instanceof ValueCheck.Range) {
      boolean number =
          scalar != null
              && scalar != ValueSyntax.Kind.STRING
              && scalar != ValueSyntax.Kind.BOOLEAN
              && scalar != ValueSyntax.Kind.CHAR
              && scalar != ValueSyntax.Kind.PATH
              && scalar != ValueSyntax.Kind.DURATION;
      return number ? Optional.empty() : Optional.of("numbers and lists of numbers");
    }
    if (check instanceof ValueCheck.NotEmpty) {
      boolean text = scalar == ValueSyntax.Kind.STRING || scalar == ValueSyntax.Kind.PATH;
      return text || kind instanceof ParamKind.ListKind
          ? Optional.empty()
          : Optional.of("String, Path and List parameters");
    }
    return scalar == ValueSyntax.Kind.STRING
        ? Optional.empty()
        : Optional.of(
            "String parameters and lists of strings (an enum's values are its constants already)");
  }

  /** Why a check is unusable: it lets nothing pass, or checks nothing. */
  private static Optional<String> invalid(ValueCheck check) {
    if (check instanceof ValueCheck.Range range) {
      if (range.min() == Double.NEGATIVE_INFINITY && range.max() == Double.POSITIVE_INFINITY) {
        return Optional.of("sets no bound; give min, max or both");
      }
      return range.whyNoValue().map(why -> "accepts no value: " + why);
    }
    if (check instanceof ValueCheck.OneOf oneOf) {
      if (oneOf.values().isEmpty()) {
        return Optional.of("accepts no value: list the values allowed");
      }
      Set<String> seen = new HashSet<>();
      for (String v : oneOf.values()) {
        if (!seen.add(v)) {
          return Optional.of("lists '" + v + "' twice; list each value once");
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Stage declarations of a name the {@code @Parameters} record does not declare: each is an error,
   * with the closest declared name.
   */
  private static void undeclared(
      ParametersModel record, List<Declaration> declarations, Report report) {
    List<String> declared = new ArrayList<>();
    record.params().forEach(p -> declared.add(p.name()));
    for (Declaration d : declarations) {
      ParamModel p = d.param();
      report.error(
          UNDECLARED_PARAM,
          nameLocation(p),
          p.name(),
          d.stage().name(),
          record.simpleName(),
          Suggestions.didYouMeanOrList(p.name(), declared, "it declares"),
          record.simpleName());
    }
  }

  /**
   * Every declaration of one name agrees with the first on its type, and with the first that states
   * them on default, description and checks; each disagreement is reported on the later
   * declaration, naming the earlier one.
   */
  private static void agree(PipelineGraph graph, List<Declaration> declarations, Report report) {
    Declaration first = declarations.get(0);
    String name = first.param().name();
    for (Declaration d : declarations.subList(1, declarations.size())) {
      if (!graph.types().types().isSameType(first.param().type(), d.param().type())) {
        report.error(
            PARAM_TYPE_CONFLICT,
            Location.of(d.param().element()),
            name,
            TypeSupport.display(d.param().type()),
            TypeSupport.display(first.param().type()),
            place(first, d));
      }
    }
    agreeOn(
        declarations,
        p -> p.defaultValue().map(DefaultModel::text),
        (earlier, d, text) -> {
          DefaultModel here = d.param().defaultValue().orElseThrow();
          report.error(
              PARAM_DEFAULT_CONFLICT,
              Location.of(here.element(), here.mirror(), here.value()),
              name,
              here.text(),
              text,
              place(earlier, d));
        });
    agreeOn(
        declarations,
        p -> p.description().isEmpty() ? Optional.empty() : Optional.of(p.description()),
        (earlier, d, text) ->
            report.error(
                PARAM_DESCRIPTION_CONFLICT,
                Location.of(
                    d.param().element(),
                    d.param().mirror(),
                    Annotations.explicit(d.param().mirror(), "description")),
                name,
                d.param().description(),
                text,
                place(earlier, d)));
    agreeOn(
        declarations,
        p -> p.checks().isEmpty() ? Optional.empty() : Optional.of(describe(p.checks())),
        (earlier, d, text) ->
            report.error(
                PARAM_CHECK_CONFLICT,
                Location.of(d.param().element(), d.param().checks().get(0).mirror()),
                name,
                describe(d.param().checks()),
                text,
                place(earlier, d)));
  }

  private interface Disagreement {
    void report(Declaration earlier, Declaration later, String earlierText);
  }

  /** Reports each declaration stating {@code what} differently from the first that states it. */
  private static void agreeOn(
      List<Declaration> declarations,
      Function<ParamModel, Optional<String>> what,
      Disagreement disagreement) {
    Declaration earlier = null;
    String earlierText = null;
    for (Declaration d : declarations) {
      Optional<String> text = what.apply(d.param());
      if (text.isEmpty()) {
        continue;
      }
      if (earlier == null) {
        earlier = d;
        earlierText = text.get();
      } else if (!earlierText.equals(text.get())) {
        disagreement.report(earlier, d, earlierText);
      }
    }
  }

  private static String describe(List<CheckModel> checks) {
    List<String> texts = new ArrayList<>();
    checks.forEach(c -> texts.add(c.describe()));
    return String.join(" and ", texts);
  }

  /** Where {@code other} is, as seen from {@code here}: precise enough to find it. */
  private static String place(Declaration other, Declaration here) {
    ParamModel p = other.param();
    String element = p.element().getSimpleName().toString();
    if (other.stage() == null) {
      return "in @Parameters record "
          + other.record().simpleName()
          + " (component '"
          + element
          + "')";
    }
    if (here.stage() != null && other.stage().method().equals(here.stage().method())) {
      return "on the earlier parameter '" + element + "' of this method";
    }
    return "on parameter '" + element + "' of stage '" + other.stage().name() + "'";
  }

  /** A warning for each record component no stage reads (when every condition compiled). */
  private static void unread(PipelineGraph graph, ParametersModel record, Report report) {
    if (!graph.conditionReport().isClean()) {
      return; // a condition that did not compile may read any of them
    }
    Set<String> read = new HashSet<>();
    for (StageModel s : graph.model().stages()) {
      s.params().forEach(p -> read.add(p.name()));
      s.forEach().ifPresent(f -> read.add(f.param()));
      graph.condition(s).ifPresent(c -> read.addAll(c.params()));
    }
    for (ParamModel p : record.params()) {
      if (!read.contains(p.name())) {
        report.warning(
            UNREAD_PARAM,
            declarationLocation(p),
            p.name(),
            record.simpleName(),
            p.name(),
            p.name());
      }
    }
  }

  /**
   * The declaration's first annotation, else its element: javac places the parameters of a record's
   * implicit constructor on the record's header, but their annotations where they are written.
   */
  private static Location declarationLocation(ParamModel p) {
    List<? extends AnnotationMirror> mirrors = p.element().getAnnotationMirrors();
    return Location.of(p.element(), mirrors.isEmpty() ? null : mirrors.get(0));
  }

  /** The written name, else the {@code @Param}, else the element. */
  private static Location nameLocation(ParamModel p) {
    return Location.of(p.element(), p.mirror(), p.nameValue());
  }

  /** A default already known to parse, as the runtime reads it. */
  private static Object parse(ParamKind kind, String text) {
    if (kind instanceof ParamKind.Scalar s) {
      return ValueSyntax.parse(s.kind(), text);
    }
    if (kind instanceof ParamKind.EnumKind) {
      return text.trim();
    }
    List<Object> values = new ArrayList<>();
    for (String part : ValueSyntax.splitList(text)) {
      values.add(parse(((ParamKind.ListKind) kind).element(), part));
    }
    return values;
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
