package dev.stagecraft.processor.parse;

import javax.lang.model.element.VariableElement;

/** One parameter of a stage method, by what it receives. */
public sealed interface StageParameter
    permits InputModel,
        ParamModel,
        ItemModel,
        ContextParameter,
        UnannotatedParameter,
        AmbiguousParameter {
  /** The parameter element. */
  VariableElement element();

  /** The parameter's name in source. */
  default String simpleName() {
    return element().getSimpleName().toString();
  }
}
