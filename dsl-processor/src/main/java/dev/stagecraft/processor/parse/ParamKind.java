package dev.stagecraft.processor.parse;

import dev.stagecraft.annotations.syntax.ValueSyntax;
import java.util.List;
import javax.lang.model.element.TypeElement;

/** A {@code @Param} type the runtime supports: a scalar, an enum, or a list of those. */
public sealed interface ParamKind {
  /** The type as written in messages: {@code int}, {@code Integer}, {@code List<Env>}. */
  String displayName();

  /** String, a primitive, its box ({@code boxName} set), Path or Duration. */
  record Scalar(ValueSyntax.Kind kind, String boxName) implements ParamKind {
    @Override
    public String displayName() {
      return boxName != null ? boxName : kind.displayName();
    }
  }

  /** An enum, parsed by constant name. */
  record EnumKind(TypeElement type, List<String> constants) implements ParamKind {
    public EnumKind {
      constants = List.copyOf(constants);
    }

    @Override
    public String displayName() {
      return type.getSimpleName().toString();
    }
  }

  /** A {@code List} of scalars or enums. */
  record ListKind(ParamKind element) implements ParamKind {
    @Override
    public String displayName() {
      return "List<" + element.displayName() + ">";
    }
  }
}
