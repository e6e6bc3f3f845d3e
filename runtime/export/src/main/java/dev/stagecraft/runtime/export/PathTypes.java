package dev.stagecraft.runtime.export;

import dev.stagecraft.annotations.condition.ProfileFact;
import dev.stagecraft.annotations.condition.TypeModel;
import dev.stagecraft.annotations.condition.ValueType;
import dev.stagecraft.runtime.graph.Condition;
import dev.stagecraft.runtime.graph.ConditionType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shared condition checker's view of a condition as the processor recorded it: parameters and
 * profile facts with their types, and stage outputs as the paths the condition reads into them
 * ({@link Condition.StagePath}), each ending in a value of known type. Checking a condition again
 * through it gives the same typed tree the processor compiled, which the export lowers.
 */
final class PathTypes implements TypeModel<PathTypes.Node> {
  /**
   * A value along a path: {@code abTest}, {@code abTest.result}, {@code abTest.result.confidence}.
   *
   * @param type what the value compares as, when a path ends here (or it is a parameter or fact)
   */
  record Node(String path, Optional<ConditionType> type) {}

  private final Map<String, ConditionType> ends;

  /** The types of the paths of one condition, by path. */
  PathTypes(Map<String, ConditionType> ends) {
    this.ends = ends;
  }

  /** The node of a stage's whole output. */
  Node stage(String name) {
    return new Node(name, Optional.ofNullable(ends.get(name)));
  }

  @Override
  public ValueType<Node> classify(Node node) {
    if (node.type().isEmpty()) {
      return new ValueType.OtherType<>(node, node.path(), false);
    }
    ConditionType type = node.type().get();
    return switch (type.category()) {
      case INTEGRAL -> new ValueType.NumberType<>(type.display(), true, type.boxed());
      case DECIMAL -> new ValueType.NumberType<>(type.display(), false, type.boxed());
      case BOOLEAN -> new ValueType.BooleanType<>(type.display(), type.boxed());
      case STRING -> new ValueType.StringType<>(false);
      case ENUM -> new ValueType.EnumType<>(node, type.display());
      case OTHER -> new ValueType.OtherType<>(node, type.display(), !type.boxed());
    };
  }

  @Override
  public boolean isVoid(Node node) {
    return false;
  }

  @Override
  public boolean isUnresolved(Node node) {
    return false;
  }

  @Override
  public boolean hasProperties(Node node) {
    return !propertyNames(node).isEmpty();
  }

  @Override
  public Optional<Property<Node>> property(Node owner, String name) {
    String path = owner.path() + "." + name;
    for (String end : ends.keySet()) {
      if (end.equals(path) || end.startsWith(path + ".")) {
        return Optional.of(
            new Property<>(name, false, new Node(path, Optional.ofNullable(ends.get(path)))));
      }
    }
    return Optional.empty();
  }

  @Override
  public List<String> propertyNames(Node owner) {
    List<String> names = new ArrayList<>();
    String prefix = owner.path() + ".";
    for (String end : ends.keySet()) {
      if (end.startsWith(prefix)) {
        String rest = end.substring(prefix.length());
        int dot = rest.indexOf('.');
        String name = dot < 0 ? rest : rest.substring(0, dot);
        if (!names.contains(name)) {
          names.add(name);
        }
      }
    }
    return names;
  }

  @Override
  public Node upperBound(Node node) {
    return node;
  }

  @Override
  public boolean sameErasure(Node left, Node right) {
    return left.type().isPresent()
        && right.type().isPresent()
        && left.type().get().display().equals(right.type().get().display());
  }

  @Override
  public List<String> enumConstants(Node enumType) {
    return enumType.type().map(ConditionType::constants).orElse(List.of());
  }

  @Override
  public String display(Node node) {
    return node.type().map(ConditionType::display).orElse(node.path());
  }

  @Override
  public Node profileFactType(ProfileFact.Kind kind) {
    return new Node("profile", Optional.of(ConditionType.of(kind)));
  }
}
