package dev.stagecraft.processor.parse;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * A {@code @Parameters} type of a pipeline class: the record whose components declare the
 * pipeline's parameters.
 *
 * @param constructor the record's canonical constructor; null when the type is not a record
 * @param params one declaration per component, in order (empty when not a record)
 * @param annotationsDropped whether a component has annotations its constructor parameter lacks:
 *     the canonical constructor is written in full, not compact
 */
public record ParametersModel(
    TypeElement type,
    AnnotationMirror mirror,
    ExecutableElement constructor,
    List<ParamModel> params,
    boolean annotationsDropped) {

  public ParametersModel {
    params = List.copyOf(params);
  }

  /** The record's simple name, e.g. {@code Params}. */
  public String simpleName() {
    return type.getSimpleName().toString();
  }
}
