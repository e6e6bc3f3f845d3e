package dev.stagecraft.processor.validation;

import static dev.stagecraft.processor.diagnostics.Diagnostic.DUPLICATE_STAGE;
import static dev.stagecraft.processor.diagnostics.Diagnostic.INVALID_STAGE_NAME;
import static dev.stagecraft.processor.diagnostics.Diagnostic.NO_PUBLIC_CONSTRUCTOR;
import static dev.stagecraft.processor.diagnostics.Diagnostic.PIPELINE_GENERIC;
import static dev.stagecraft.processor.diagnostics.Diagnostic.PIPELINE_INNER;
import static dev.stagecraft.processor.diagnostics.Diagnostic.PIPELINE_NOT_A_CLASS;
import static dev.stagecraft.processor.diagnostics.Diagnostic.PIPELINE_NO_STAGES;
import static dev.stagecraft.processor.diagnostics.Diagnostic.PIPELINE_PRIVATE;
import static dev.stagecraft.processor.diagnostics.Diagnostic.STAGE_ABSTRACT;
import static dev.stagecraft.processor.diagnostics.Diagnostic.STAGE_GENERIC;
import static dev.stagecraft.processor.diagnostics.Diagnostic.STAGE_PRIVATE;

import dev.stagecraft.annotations.syntax.Names;
import dev.stagecraft.processor.diagnostics.Location;
import dev.stagecraft.processor.diagnostics.Report;
import dev.stagecraft.processor.parse.Annotations;
import dev.stagecraft.processor.parse.PipelineModel;
import dev.stagecraft.processor.parse.StageModel;
import dev.stagecraft.processor.parse.TypeSupport;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * The pipeline class and its stage methods: visibility, nesting, generics, valid and unique stage
 * names, and a public no-argument constructor for the command line (else a warning).
 */
final class StructureValidator implements PipelineValidator {
  @Override
  public Report validate(PipelineGraph graph) {
    Report report = new Report();
    PipelineModel model = graph.model();
    TypeElement type = model.element();
    String typeName = type.getQualifiedName().toString();
    Location at = Location.of(type, model.annotation());
    if (type.getKind() != ElementKind.CLASS) {
      report.error(
          PIPELINE_NOT_A_CLASS,
          at,
          typeName,
          "an " + type.getKind().toString().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
    }
    for (Element e = type; e instanceof TypeElement t; e = t.getEnclosingElement()) {
      if (t.getModifiers().contains(Modifier.PRIVATE)) {
        report.error(PIPELINE_PRIVATE, at, t.getQualifiedName());
        break;
      }
    }
    if (type.getNestingKind() == NestingKind.MEMBER
        && !type.getModifiers().contains(Modifier.STATIC)
        && type.getKind() == ElementKind.CLASS) {
      report.error(PIPELINE_INNER, at, typeName);
    }
    if (type.getNestingKind() == NestingKind.LOCAL
        || type.getNestingKind() == NestingKind.ANONYMOUS) {
      report.error(PIPELINE_INNER, at, typeName);
    }
    if (!type.getTypeParameters().isEmpty()) {
      report.error(PIPELINE_GENERIC, at, typeName);
    }
    if (model.stages().isEmpty()) {
      report.error(PIPELINE_NO_STAGES, at, typeName);
    }
    Map<String, StageModel> byName = new HashMap<>();
    for (StageModel s : model.stages()) {
      Location method = Location.of(s.method());
      if (s.method().getModifiers().contains(Modifier.PRIVATE)) {
        report.error(STAGE_PRIVATE, method, s.methodName());
      }
      if (s.method().getModifiers().contains(Modifier.ABSTRACT)) {
        report.error(STAGE_ABSTRACT, method, s.methodName());
      }
      if (!s.method().getTypeParameters().isEmpty()) {
        report.error(STAGE_GENERIC, method, s.methodName());
      }
      Location nameAt =
          Location.of(s.method(), s.annotation(), Annotations.explicit(s.annotation(), "name"));
      Optional<String> badName = Names.problem(s.name());
      if (badName.isPresent()) {
        report.error(INVALID_STAGE_NAME, nameAt, s.name(), badName.get(), Names.RULE);
        continue;
      }
      StageModel first = byName.putIfAbsent(s.name(), s);
      if (first != null) {
        report.error(
            DUPLICATE_STAGE, nameAt, model.name(), s.name(), signature(first), signature(s));
      }
    }
    if (!model.instantiable()
        && type.getKind() == ElementKind.CLASS
        && !type.getModifiers().contains(Modifier.ABSTRACT)
        && type.getNestingKind() != NestingKind.LOCAL
        && type.getNestingKind() != NestingKind.ANONYMOUS
        && (type.getNestingKind() != NestingKind.MEMBER
            || type.getModifiers().contains(Modifier.STATIC))) {
      report.warning(
          NO_PUBLIC_CONSTRUCTOR, Location.of(type), typeName, model.generatedName().simpleName());
    }
    return report;
  }

  /** {@code train(Table, int)}: the method, told apart from an overload. */
  private static String signature(StageModel s) {
    StringJoiner types = new StringJoiner(", ", s.methodName() + "(", ")");
    for (VariableElement p : s.method().getParameters()) {
      types.add(TypeSupport.display(p.asType()));
    }
    return types.toString();
  }
}
