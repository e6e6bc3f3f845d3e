package dev.stagecraft.processor.condition;

import java.util.List;
import java.util.Objects;
import javax.lang.model.type.TypeMirror;

/**
 * A path whose names are resolved: a parameter or stage output, then one accessor per property.
 *
 * @param rootType the parameter's type or the stage's output type
 */
record ResolvedPath(Expr.Path source, Root root, TypeMirror rootType, List<Step> steps) {

  /** Where the first segment comes from. */
  enum Root {
    PARAM,
    STAGE
  }

  /**
   * One property read.
   *
   * @param member the Java member: a method name (called with no arguments) or a field name
   * @param field whether {@code member} is a field
   * @param type the property's type as seen from the owner's static type
   */
  record Step(String member, boolean field, TypeMirror type) {
    public Step {
      Objects.requireNonNull(member, "member");
      Objects.requireNonNull(type, "type");
    }
  }

  ResolvedPath {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(rootType, "rootType");
    steps = List.copyOf(steps);
  }

  /** The first segment: the parameter or stage name. */
  String name() {
    return source.segments().get(0);
  }

  /** The type of the value at the end of the path. */
  TypeMirror type() {
    return steps.isEmpty() ? rootType : steps.get(steps.size() - 1).type();
  }
}
