package dev.stagecraft.processor.parse;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/** An {@code @Item} parameter: the current item of a fan-out instance. */
public record ItemModel(VariableElement element, AnnotationMirror mirror, TypeMirror type)
    implements StageParameter {}
