package dev.stagecraft.annotations.condition;

import java.util.List;
import java.util.Objects;

/**
 * A path whose names are resolved: a root (a parameter, a stage output or a profile fact), then one
 * property read per further segment (a profile fact has none: its path is {@code profile.<fact>}).
 *
 * @param root where the first segment comes from
 * @param rootType the root's type
 * @param steps one property read per segment after the first
 * @param <T> the type representation of the {@link TypeModel}
 */
public record ResolvedPath<T>(
    Expr.Path source, Root root, T rootType, List<TypeModel.Property<T>> steps) {

  /** Where the first segment comes from. */
  public enum Root {
    /** A pipeline parameter. */
    PARAM,
    /** A stage's output. */
    STAGE,
    /** A fact of the run's profile, {@code profile.<fact>}; null when the run does not give it. */
    PROFILE
  }

  public ResolvedPath {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(rootType, "rootType");
    steps = List.copyOf(steps);
  }

  /** The parameter or stage name (the first segment), or the profile fact's name (the second). */
  public String name() {
    return source.segments().get(root == Root.PROFILE ? 1 : 0);
  }

  /** The type of the value at the end of the path. */
  public T type() {
    return steps.isEmpty() ? rootType : steps.get(steps.size() - 1).type();
  }
}
