package dev.stagecraft.processor.parse;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;

/** One name of a {@code @DependsOn}, with the array element that holds it. */
public record DependencyModel(String stage, AnnotationMirror mirror, AnnotationValue value) {}
