package dev.stagecraft.processor.parse;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;

/**
 * A {@code @ForEach}; a value is null when that source was not written.
 *
 * @param items the literal items, when {@code items} was written
 */
public record ForEachModel(
    AnnotationMirror mirror,
    List<String> items,
    AnnotationValue itemsValue,
    String param,
    AnnotationValue paramValue,
    String input,
    AnnotationValue inputValue) {

  /** The sources written, by attribute name, in attribute order. */
  public List<String> sources() {
    java.util.List<String> out = new java.util.ArrayList<>();
    if (itemsValue != null) {
      out.add("items");
    }
    if (paramValue != null) {
      out.add("param");
    }
    if (inputValue != null) {
      out.add("input");
    }
    return out;
  }
}
