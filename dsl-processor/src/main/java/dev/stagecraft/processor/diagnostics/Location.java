package dev.stagecraft.processor.diagnostics;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * Where a message points: an element, optionally narrowed to one of its annotations and one value
 * of that annotation, so the IDE underlines exactly the offending text.
 */
public record Location(Element element, AnnotationMirror mirror, AnnotationValue value) {
  /** The whole element. */
  public static Location of(Element element) {
    return new Location(element, null, null);
  }

  /** One annotation of the element. */
  public static Location of(Element element, AnnotationMirror mirror) {
    return new Location(element, mirror, null);
  }

  /** One value of an annotation ({@code value} may be null: then the annotation). */
  public static Location of(Element element, AnnotationMirror mirror, AnnotationValue value) {
    return new Location(element, mirror, mirror == null ? null : value);
  }
}
