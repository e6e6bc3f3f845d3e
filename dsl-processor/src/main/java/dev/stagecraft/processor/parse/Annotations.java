package dev.stagecraft.processor.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/** Reads annotation mirrors: values with their defaults, and the explicit values for locations. */
public final class Annotations {
  private Annotations() {}

  /** The annotation of that qualified type on the element, if present. */
  public static Optional<AnnotationMirror> find(Element element, String qualifiedName) {
    for (AnnotationMirror m : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) m.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(qualifiedName)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /** The value as written in source, or null when the attribute uses its default. */
  public static AnnotationValue explicit(AnnotationMirror mirror, String attribute) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        mirror.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(attribute)) {
        return e.getValue();
      }
    }
    return null;
  }

  /** The attribute's value, written or default; null when absent or erroneous. */
  public static Object value(AnnotationMirror mirror, String attribute) {
    AnnotationValue v = explicit(mirror, attribute);
    if (v == null) {
      for (javax.lang.model.element.Element e :
          mirror.getAnnotationType().asElement().getEnclosedElements()) {
        if (e instanceof ExecutableElement m && m.getSimpleName().contentEquals(attribute)) {
          v = m.getDefaultValue();
        }
      }
    }
    return v == null ? null : v.getValue();
  }

  /** A String attribute ({@code fallback} when absent or erroneous). */
  public static String string(AnnotationMirror mirror, String attribute, String fallback) {
    return value(mirror, attribute) instanceof String s ? s : fallback;
  }

  /** An int attribute ({@code fallback} when absent or erroneous). */
  public static int integer(AnnotationMirror mirror, String attribute, int fallback) {
    return value(mirror, attribute) instanceof Integer i ? i : fallback;
  }

  /** A boolean attribute ({@code fallback} when absent or erroneous). */
  public static boolean bool(AnnotationMirror mirror, String attribute, boolean fallback) {
    return value(mirror, attribute) instanceof Boolean b ? b : fallback;
  }

  /** An enum attribute's constant name ({@code fallback} when absent or erroneous). */
  public static String enumConstant(AnnotationMirror mirror, String attribute, String fallback) {
    return value(mirror, attribute) instanceof VariableElement v
        ? v.getSimpleName().toString()
        : fallback;
  }

  /** The elements of a String[] attribute with each element's own value for locations. */
  public static List<Map.Entry<String, AnnotationValue>> strings(
      AnnotationMirror mirror, String attribute) {
    List<Map.Entry<String, AnnotationValue>> out = new ArrayList<>();
    if (value(mirror, attribute) instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof AnnotationValue av && av.getValue() instanceof String s) {
          out.add(Map.entry(s, av));
        }
      }
    }
    return out;
  }
}
