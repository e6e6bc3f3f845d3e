package dev.stagecraft.runtime.plan;

import dev.stagecraft.annotations.condition.ProfileFact;
import dev.stagecraft.annotations.condition.TypeModel;
import dev.stagecraft.annotations.condition.ValueType;
import dev.stagecraft.runtime.graph.ConditionType;
import java.util.List;
import java.util.Optional;

/**
 * The shared condition checker's view of the runtime's types ({@link ConditionType}): parameters
 * and profile facts, which have no properties. Conditions read from files (a template's {@code
 * when}) are checked through it exactly as the processor checks {@code @When}.
 */
final class RuntimeTypeModel implements TypeModel<ConditionType> {
  static final RuntimeTypeModel INSTANCE = new RuntimeTypeModel();

  private RuntimeTypeModel() {}

  @Override
  public ValueType<ConditionType> classify(ConditionType type) {
    return switch (type.category()) {
      case INTEGRAL -> new ValueType.NumberType<>(type.display(), true, type.boxed());
      case DECIMAL -> new ValueType.NumberType<>(type.display(), false, type.boxed());
      case BOOLEAN -> new ValueType.BooleanType<>(type.display(), type.boxed());
      case STRING -> new ValueType.StringType<>(false);
      case ENUM -> new ValueType.EnumType<>(type, type.display());
      case OTHER -> new ValueType.OtherType<>(type, type.display(), !type.boxed());
    };
  }

  @Override
  public boolean isVoid(ConditionType type) {
    return false;
  }

  @Override
  public boolean isUnresolved(ConditionType type) {
    return false;
  }

  @Override
  public boolean hasProperties(ConditionType type) {
    return false;
  }

  @Override
  public Optional<Property<ConditionType>> property(ConditionType owner, String name) {
    return Optional.empty();
  }

  @Override
  public List<String> propertyNames(ConditionType owner) {
    return List.of();
  }

  @Override
  public ConditionType upperBound(ConditionType type) {
    return type;
  }

  @Override
  public boolean sameErasure(ConditionType left, ConditionType right) {
    return left.category() == right.category()
        && left.display().replaceAll("<.*", "").equals(right.display().replaceAll("<.*", ""));
  }

  @Override
  public List<String> enumConstants(ConditionType enumType) {
    return enumType.constants();
  }

  @Override
  public String display(ConditionType type) {
    return type.display();
  }

  @Override
  public ConditionType profileFactType(ProfileFact.Kind kind) {
    return ConditionType.of(kind);
  }
}
