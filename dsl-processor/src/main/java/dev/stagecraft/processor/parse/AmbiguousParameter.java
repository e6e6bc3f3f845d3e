package dev.stagecraft.processor.parse;

import java.util.List;
import javax.lang.model.element.VariableElement;

/** A parameter with more than one of {@code @Input}, {@code @Param}, {@code @Item}. */
public record AmbiguousParameter(VariableElement element, List<String> annotations)
    implements StageParameter {
  public AmbiguousParameter {
    annotations = List.copyOf(annotations);
  }
}
