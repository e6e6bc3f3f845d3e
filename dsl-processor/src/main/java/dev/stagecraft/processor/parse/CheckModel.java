package dev.stagecraft.processor.parse;

import dev.stagecraft.annotations.syntax.ValueCheck;
import javax.lang.model.element.AnnotationMirror;

/**
 * A {@code @Range}, {@code @NotEmpty} or {@code @OneOf} on a parameter declaration.
 *
 * @param annotation the annotation's simple name with its {@code @}, for messages
 * @param check what the runtime checks
 */
public record CheckModel(AnnotationMirror mirror, String annotation, ValueCheck check) {
  /** The check as it reads in a message: {@code @Range (at least 2)}. */
  public String describe() {
    return annotation + " (" + check.describe() + ")";
  }
}
