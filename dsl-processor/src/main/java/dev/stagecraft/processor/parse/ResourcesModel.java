package dev.stagecraft.processor.parse;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * A {@code @Resources} annotation; a value is null when the attribute was not written (then the
 * class-level one, or the annotation's default, applies).
 */
public record ResourcesModel(
    Element element,
    AnnotationMirror mirror,
    String cpu,
    AnnotationValue cpuValue,
    String memory,
    AnnotationValue memoryValue,
    Integer gpu,
    AnnotationValue gpuValue) {}
