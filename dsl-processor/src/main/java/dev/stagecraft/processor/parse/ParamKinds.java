package dev.stagecraft.processor.parse;

import dev.stagecraft.annotations.syntax.ValueSyntax;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** Maps a {@code @Param}'s Java type to a {@link ParamKind}, or nothing when unsupported. */
final class ParamKinds {
  private ParamKinds() {}

  static Optional<ParamKind> of(TypeMirror type) {
    return of(type, true);
  }

  private static Optional<ParamKind> of(TypeMirror type, boolean allowList) {
    switch (type.getKind()) {
      case BOOLEAN:
        return scalar(ValueSyntax.Kind.BOOLEAN, null);
      case BYTE:
        return scalar(ValueSyntax.Kind.BYTE, null);
      case SHORT:
        return scalar(ValueSyntax.Kind.SHORT, null);
      case INT:
        return scalar(ValueSyntax.Kind.INT, null);
      case LONG:
        return scalar(ValueSyntax.Kind.LONG, null);
      case FLOAT:
        return scalar(ValueSyntax.Kind.FLOAT, null);
      case DOUBLE:
        return scalar(ValueSyntax.Kind.DOUBLE, null);
      case CHAR:
        return scalar(ValueSyntax.Kind.CHAR, null);
      case DECLARED:
        break;
      default:
        return Optional.empty();
    }
    DeclaredType d = (DeclaredType) type;
    TypeElement e = (TypeElement) d.asElement();
    if (e.getKind() == ElementKind.ENUM) {
      List<String> constants = new ArrayList<>();
      for (Element c : e.getEnclosedElements()) {
        if (c.getKind() == ElementKind.ENUM_CONSTANT) {
          constants.add(c.getSimpleName().toString());
        }
      }
      return Optional.of(new ParamKind.EnumKind(e, constants));
    }
    String name = e.getQualifiedName().toString();
    switch (name) {
      case "java.lang.String":
        return scalar(ValueSyntax.Kind.STRING, null);
      case "java.lang.Boolean":
        return scalar(ValueSyntax.Kind.BOOLEAN, "Boolean");
      case "java.lang.Byte":
        return scalar(ValueSyntax.Kind.BYTE, "Byte");
      case "java.lang.Short":
        return scalar(ValueSyntax.Kind.SHORT, "Short");
      case "java.lang.Integer":
        return scalar(ValueSyntax.Kind.INT, "Integer");
      case "java.lang.Long":
        return scalar(ValueSyntax.Kind.LONG, "Long");
      case "java.lang.Float":
        return scalar(ValueSyntax.Kind.FLOAT, "Float");
      case "java.lang.Double":
        return scalar(ValueSyntax.Kind.DOUBLE, "Double");
      case "java.lang.Character":
        return scalar(ValueSyntax.Kind.CHAR, "Character");
      case "java.nio.file.Path":
        return scalar(ValueSyntax.Kind.PATH, null);
      case "java.time.Duration":
        return scalar(ValueSyntax.Kind.DURATION, null);
      case "java.util.List":
        if (!allowList || d.getTypeArguments().size() != 1) {
          return Optional.empty();
        }
        TypeMirror arg = d.getTypeArguments().get(0);
        if (arg.getKind() != TypeKind.DECLARED) {
          return Optional.empty();
        }
        return of(arg, false).map(ParamKind.ListKind::new);
      default:
        return Optional.empty();
    }
  }

  private static Optional<ParamKind> scalar(ValueSyntax.Kind kind, String box) {
    return Optional.of(new ParamKind.Scalar(kind, box));
  }
}
