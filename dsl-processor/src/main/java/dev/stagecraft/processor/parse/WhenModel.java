package dev.stagecraft.processor.parse;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;

/** A {@code @When("expression")}. */
public record WhenModel(AnnotationMirror mirror, AnnotationValue value, String source) {}
