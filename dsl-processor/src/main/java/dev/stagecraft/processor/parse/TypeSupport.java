package dev.stagecraft.processor.parse;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Type questions the checks share: boxing, List and Optional element types, display names. */
public final class TypeSupport {
  private final Types types;
  private final Elements elements;
  private final TypeElement list;
  private final TypeElement optional;

  public TypeSupport(Types types, Elements elements) {
    this.types = types;
    this.elements = elements;
    this.list = elements.getTypeElement("java.util.List");
    this.optional = elements.getTypeElement("java.util.Optional");
  }

  public Types types() {
    return types;
  }

  public Elements elements() {
    return elements;
  }

  /** The box of a primitive, any other type unchanged. */
  public TypeMirror boxed(TypeMirror t) {
    return t.getKind().isPrimitive() ? types.boxedClass((PrimitiveType) t).asType() : t;
  }

  /** {@code List<T>} of the boxed type. */
  public TypeMirror listOf(TypeMirror element) {
    return types.getDeclaredType(list, boxed(element));
  }

  /** Whether a value of {@code from} can be passed where {@code to} is declared (boxed both). */
  public boolean assignable(TypeMirror from, TypeMirror to) {
    return types.isAssignable(boxed(from), boxed(to));
  }

  /** Whether the type is {@code java.util.Optional<...>}. */
  public boolean isOptional(TypeMirror t) {
    return t.getKind() == TypeKind.DECLARED && ((DeclaredType) t).asElement().equals(optional);
  }

  /** The {@code T} of {@code Optional<T>} (upper bound of a wildcard; Object when raw). */
  public TypeMirror optionalValue(TypeMirror t) {
    List<? extends TypeMirror> args = ((DeclaredType) t).getTypeArguments();
    if (args.isEmpty()) {
      return elements.getTypeElement("java.lang.Object").asType();
    }
    return upperBound(args.get(0));
  }

  private TypeMirror upperBound(TypeMirror t) {
    if (t instanceof WildcardType w) {
      return w.getExtendsBound() != null
          ? w.getExtendsBound()
          : elements.getTypeElement("java.lang.Object").asType();
    }
    return t;
  }

  /** Whether a value of the type is a {@code List} (the type is List or implements it). */
  public boolean isList(TypeMirror t) {
    return t.getKind() == TypeKind.DECLARED
        && types.isAssignable(types.erasure(t), types.erasure(list.asType()));
  }

  /** Whether {@code List} values fit the type (e.g. List, Collection, Iterable, Object). */
  public boolean acceptsList(TypeMirror t) {
    return t.getKind() == TypeKind.DECLARED
        && types.isAssignable(types.erasure(list.asType()), types.erasure(t));
  }

  /** The element type of a List type (Object when raw); empty when not a List. */
  public Optional<TypeMirror> listElement(TypeMirror t) {
    if (!isList(t)) {
      return Optional.empty();
    }
    Deque<TypeMirror> todo = new ArrayDeque<>();
    Set<String> seen = new HashSet<>();
    todo.add(t);
    while (!todo.isEmpty()) {
      TypeMirror cur = todo.poll();
      if (!seen.add(cur.toString())) {
        continue;
      }
      if (cur instanceof DeclaredType d && d.asElement().equals(list)) {
        List<? extends TypeMirror> args = d.getTypeArguments();
        return Optional.of(
            args.isEmpty()
                ? elements.getTypeElement("java.lang.Object").asType()
                : upperBound(args.get(0)));
      }
      todo.addAll(types.directSupertypes(cur));
    }
    return Optional.of(elements.getTypeElement("java.lang.Object").asType());
  }

  /** Whether the type or any type inside it could not be resolved (yet). */
  public static boolean containsError(TypeMirror t) {
    return containsError(t, 0);
  }

  private static boolean containsError(TypeMirror t, int depth) {
    if (t == null || depth > 20) {
      return false;
    }
    switch (t.getKind()) {
      case ERROR:
        return true;
      case DECLARED:
        for (TypeMirror a : ((DeclaredType) t).getTypeArguments()) {
          if (containsError(a, depth + 1)) {
            return true;
          }
        }
        return false;
      case ARRAY:
        return containsError(((ArrayType) t).getComponentType(), depth + 1);
      case WILDCARD:
        WildcardType w = (WildcardType) t;
        return containsError(w.getExtendsBound(), depth + 1)
            || containsError(w.getSuperBound(), depth + 1);
      default:
        return false;
    }
  }

  /** The type with simple names, as a user wrote it: {@code List<TrainedModel>}. */
  public static String display(TypeMirror t) {
    switch (t.getKind()) {
      case DECLARED:
        {
          DeclaredType d = (DeclaredType) t;
          StringBuilder sb = new StringBuilder(d.asElement().getSimpleName());
          List<? extends TypeMirror> args = d.getTypeArguments();
          if (!args.isEmpty()) {
            sb.append('<');
            for (int i = 0; i < args.size(); i++) {
              if (i > 0) {
                sb.append(", ");
              }
              sb.append(display(args.get(i)));
            }
            sb.append('>');
          }
          return sb.toString();
        }
      case ARRAY:
        return display(((ArrayType) t).getComponentType()) + "[]";
      case WILDCARD:
        {
          WildcardType w = (WildcardType) t;
          if (w.getExtendsBound() != null) {
            return "? extends " + display(w.getExtendsBound());
          }
          if (w.getSuperBound() != null) {
            return "? super " + display(w.getSuperBound());
          }
          return "?";
        }
      case TYPEVAR:
        return t.toString();
      default:
        return t.toString();
    }
  }
}
