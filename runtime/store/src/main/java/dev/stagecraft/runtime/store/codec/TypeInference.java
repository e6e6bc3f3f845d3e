package dev.stagecraft.runtime.store.codec;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Java type of a value, with the element types of its collections and maps taken from their
 * elements: {@code List.of(new Model(..))} is {@code java.util.List<Model>}. Elements of different
 * classes give their closest common superclass.
 */
final class TypeInference {
  private final TypeFactory factory;

  /**
   * The type of each class that is not a container, which depends on the class alone: a map lookup
   * instead of Jackson's type cache, which costs more for every value of a run.
   */
  private final Map<Class<?>, JavaType> byClass = new ConcurrentHashMap<>();

  TypeInference(TypeFactory factory) {
    this.factory = factory;
  }

  JavaType of(Object value) {
    if (value == null) {
      return factory.constructType(Object.class);
    }
    if (value instanceof Collection<?> c) {
      Class<?> base =
          c instanceof SortedSet<?>
              ? SortedSet.class
              : c instanceof Set<?>
                  ? Set.class
                  : c instanceof List<?> ? List.class : Collection.class;
      return factory.constructCollectionType(base.asSubclass(Collection.class), common(c));
    }
    if (value instanceof Map<?, ?> m) {
      Class<?> base = m instanceof SortedMap<?, ?> ? SortedMap.class : Map.class;
      return factory.constructMapType(
          base.asSubclass(Map.class), common(m.keySet()), common(m.values()));
    }
    if (value instanceof Object[] array) {
      JavaType element = common(java.util.Arrays.asList(array));
      if (element.getRawClass() == Object.class) {
        element = factory.constructType(array.getClass().getComponentType());
      }
      return factory.constructArrayType(element);
    }
    return byClass.computeIfAbsent(value.getClass(), this::ofClass);
  }

  private JavaType ofClass(Class<?> c) {
    if (c.isEnum()
        || c.isAnonymousClass() && c.getSuperclass() != null && c.getSuperclass().isEnum()) {
      return factory.constructType(c.isEnum() ? c : c.getSuperclass());
    }
    return factory.constructType(c);
  }

  /** The type all elements share: equal types stay, differing ones merge (see {@link #merge}). */
  private JavaType common(Collection<?> values) {
    JavaType found = null;
    Class<?> last = null;
    for (Object v : values) {
      if (v == null) {
        continue;
      }
      boolean container =
          v instanceof Collection<?> || v instanceof Map<?, ?> || v instanceof Object[];
      if (!container && v.getClass() == last) {
        continue; // fast path: long runs of one class
      }
      last = container ? null : v.getClass();
      JavaType t = of(v);
      found = found == null ? t : merge(found, t);
    }
    return found == null ? factory.constructType(Object.class) : found;
  }

  /**
   * The type of both: {@code Object} (nothing known, as in an empty list) yields to the other; two
   * containers of one kind merge their element types; anything else becomes the closest common
   * superclass.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private JavaType merge(JavaType a, JavaType b) {
    if (a.equals(b) || b.getRawClass() == Object.class) {
      return a;
    }
    if (a.getRawClass() == Object.class) {
      return b;
    }
    Class<?> raw = a.getRawClass();
    if (raw == b.getRawClass()) {
      if (a.isArrayType()) {
        return factory.constructArrayType(merge(a.getContentType(), b.getContentType()));
      }
      if (a.isCollectionLikeType()) {
        return factory.constructCollectionType(
            (Class<? extends Collection>) raw, merge(a.getContentType(), b.getContentType()));
      }
      if (a.isMapLikeType()) {
        return factory.constructMapType(
            (Class<? extends Map>) raw,
            merge(a.getKeyType(), b.getKeyType()),
            merge(a.getContentType(), b.getContentType()));
      }
    }
    return factory.constructType(superclassOf(List.of(raw, b.getRawClass())));
  }

  private static Class<?> superclassOf(List<Class<?>> classes) {
    Class<?> candidate = classes.get(0);
    while (candidate != null) {
      boolean all = true;
      for (Class<?> c : classes) {
        if (!candidate.isAssignableFrom(c)) {
          all = false;
          break;
        }
      }
      if (all) {
        return candidate;
      }
      candidate = candidate.getSuperclass();
    }
    return Object.class;
  }
}
