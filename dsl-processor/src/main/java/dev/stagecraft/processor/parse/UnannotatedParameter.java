package dev.stagecraft.processor.parse;

import javax.lang.model.element.VariableElement;

/** A parameter that is none of {@code @Input}, {@code @Param}, {@code @Item} or a context. */
public record UnannotatedParameter(VariableElement element) implements StageParameter {}
