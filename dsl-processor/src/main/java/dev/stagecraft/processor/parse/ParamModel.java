package dev.stagecraft.processor.parse;

import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * A parameter declaration: a {@code @Param} parameter of a stage method, or a component of the
 * {@code @Parameters} record (then {@code element} is the record's canonical constructor parameter,
 * which carries the component's annotations and its place in the source).
 *
 * @param mirror the {@code @Param}; null on a record component written without one
 * @param nameValue the written name; null when the name is the element's own
 * @param kind the parameter type as the runtime knows it; empty when the type is unsupported
 * @param checks the {@code @Range}, {@code @NotEmpty} and {@code @OneOf} on it, in that order
 */
public record ParamModel(
    VariableElement element,
    AnnotationMirror mirror,
    AnnotationValue nameValue,
    String name,
    String description,
    TypeMirror type,
    Optional<ParamKind> kind,
    Optional<DefaultModel> defaultValue,
    List<CheckModel> checks)
    implements StageParameter {

  public ParamModel {
    checks = List.copyOf(checks);
  }
}
