package dev.stagecraft.processor.condition;

import dev.stagecraft.annotations.condition.ProfileFact;
import dev.stagecraft.annotations.condition.TypeModel;
import dev.stagecraft.annotations.condition.ValueType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The condition checker's view of javac's types. It remembers whether the checker met a type javac
 * has not resolved, so a condition that failed on one can be tried again in a later round.
 */
final class JavacTypeModel implements TypeModel<TypeMirror> {
  private static final Map<String, TypeKind> BOXES =
      Map.of(
          "java.lang.Boolean", TypeKind.BOOLEAN,
          "java.lang.Byte", TypeKind.BYTE,
          "java.lang.Short", TypeKind.SHORT,
          "java.lang.Integer", TypeKind.INT,
          "java.lang.Long", TypeKind.LONG,
          "java.lang.Float", TypeKind.FLOAT,
          "java.lang.Double", TypeKind.DOUBLE,
          "java.lang.Character", TypeKind.CHAR);

  private final Types types;
  private final Elements elements;
  private final Properties properties;
  private boolean sawUnresolved;

  JavacTypeModel(Types types, Elements elements) {
    this.types = types;
    this.elements = elements;
    this.properties = new Properties(types, elements);
  }

  @Override
  public ValueType<TypeMirror> classify(TypeMirror type) {
    String display = TypeDisplay.of(type);
    switch (type.getKind()) {
      case BOOLEAN:
        return new ValueType.BooleanType<>(display, false);
      case BYTE, SHORT, INT, LONG:
        return new ValueType.NumberType<>(display, true, false);
      case FLOAT, DOUBLE:
        return new ValueType.NumberType<>(display, false, false);
      case CHAR:
        return new ValueType.OtherType<>(type, display, true);
      case VOID, NONE:
        return new ValueType.VoidType<>();
      case DECLARED:
        TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
        String qualified = element.getQualifiedName().toString();
        if (qualified.equals("java.lang.String")) {
          return new ValueType.StringType<>(false);
        }
        TypeKind unboxed = BOXES.get(qualified);
        if (unboxed == TypeKind.BOOLEAN) {
          return new ValueType.BooleanType<>(display, true);
        }
        if (unboxed != null && unboxed != TypeKind.CHAR) {
          boolean integral = unboxed != TypeKind.FLOAT && unboxed != TypeKind.DOUBLE;
          return new ValueType.NumberType<>(display, integral, true);
        }
        if (element.getKind() == ElementKind.ENUM) {
          return new ValueType.EnumType<>(type, display);
        }
        return new ValueType.OtherType<>(type, display, false);
      default:
        return new ValueType.OtherType<>(type, display, false);
    }
  }

  @Override
  public boolean isVoid(TypeMirror type) {
    return type.getKind() == TypeKind.VOID || type.getKind() == TypeKind.NONE;
  }

  @Override
  public boolean isUnresolved(TypeMirror type) {
    boolean unresolved = type.getKind() == TypeKind.ERROR;
    sawUnresolved |= unresolved;
    return unresolved;
  }

  /** Whether a type asked about was not resolved (yet). */
  boolean sawUnresolved() {
    return sawUnresolved;
  }

  @Override
  public boolean hasProperties(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED;
  }

  @Override
  public Optional<Property<TypeMirror>> property(TypeMirror owner, String name) {
    return properties.find((DeclaredType) owner, name);
  }

  @Override
  public List<String> propertyNames(TypeMirror owner) {
    return properties.names((DeclaredType) owner);
  }

  @Override
  public TypeMirror upperBound(TypeMirror type) {
    TypeMirror current = type;
    for (int depth = 0; depth < 16; depth++) {
      if (current instanceof TypeVariable variable) {
        current = variable.getUpperBound();
      } else if (current instanceof WildcardType wildcard) {
        current =
            wildcard.getExtendsBound() != null
                ? wildcard.getExtendsBound()
                : elements.getTypeElement("java.lang.Object").asType();
      } else {
        return current;
      }
    }
    return current;
  }

  @Override
  public boolean sameErasure(TypeMirror left, TypeMirror right) {
    return types.isSameType(types.erasure(left), types.erasure(right));
  }

  @Override
  public List<String> enumConstants(TypeMirror enumType) {
    return types.asElement(enumType).getEnclosedElements().stream()
        .filter(element -> element.getKind() == ElementKind.ENUM_CONSTANT)
        .map(element -> element.getSimpleName().toString())
        .toList();
  }

  @Override
  public TypeMirror profileFactType(ProfileFact.Kind kind) {
    String name =
        switch (kind) {
          case BYTES -> "java.lang.Long";
          case CHOICE -> "java.lang.String";
          case BOOLEAN -> "java.lang.Boolean";
        };
    return elements.getTypeElement(name).asType();
  }

  @Override
  public String display(TypeMirror type) {
    return isUnresolved(type) ? type.toString() : TypeDisplay.of(type);
  }
}
