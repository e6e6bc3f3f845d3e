package dev.stagecraft.processor.condition;

import java.util.stream.Collectors;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Short type names for messages: {@code AbTestResult}, {@code List<TrainedModel>}, {@code double}.
 */
final class TypeDisplay {
  private TypeDisplay() {}

  static String of(TypeMirror type) {
    if (type.getKind() == TypeKind.DECLARED) {
      DeclaredType declared = (DeclaredType) type;
      String name = ((TypeElement) declared.asElement()).getSimpleName().toString();
      if (declared.getTypeArguments().isEmpty()) {
        return name;
      }
      return declared.getTypeArguments().stream()
          .map(TypeDisplay::of)
          .collect(Collectors.joining(", ", name + "<", ">"));
    }
    if (type.getKind() == TypeKind.NONE) {
      return "void";
    }
    return type.toString();
  }
}
