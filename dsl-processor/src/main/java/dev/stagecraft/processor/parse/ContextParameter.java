package dev.stagecraft.processor.parse;

import javax.lang.model.element.VariableElement;

/** A {@code StageContext} parameter. */
public record ContextParameter(VariableElement element) implements StageParameter {}
