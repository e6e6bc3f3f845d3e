package dev.stagecraft.processor.parse;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.VariableElement;

/** A {@code @Default("text")} on a parameter. */
public record DefaultModel(
    VariableElement element, AnnotationMirror mirror, AnnotationValue value, String text) {}
