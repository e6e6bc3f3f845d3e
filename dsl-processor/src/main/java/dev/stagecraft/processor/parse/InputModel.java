package dev.stagecraft.processor.parse;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * An {@code @Input("stage")} parameter.
 *
 * @param optional whether the parameter is {@code Optional<T>}
 * @param valueType {@code T} for an {@code Optional<T>}, else the parameter type
 */
public record InputModel(
    VariableElement element,
    AnnotationMirror mirror,
    AnnotationValue value,
    String stage,
    TypeMirror type,
    boolean optional,
    TypeMirror valueType)
    implements StageParameter {}
