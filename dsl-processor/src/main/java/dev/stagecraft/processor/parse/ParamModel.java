package dev.stagecraft.processor.parse;

import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * A {@code @Param("name")} parameter.
 *
 * @param kind the parameter type as the runtime knows it; empty when the type is unsupported
 */
public record ParamModel(
    VariableElement element,
    AnnotationMirror mirror,
    AnnotationValue nameValue,
    String name,
    String description,
    TypeMirror type,
    Optional<ParamKind> kind,
    Optional<DefaultModel> defaultValue)
    implements StageParameter {}
