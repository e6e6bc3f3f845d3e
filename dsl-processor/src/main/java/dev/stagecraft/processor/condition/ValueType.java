package dev.stagecraft.processor.condition;

import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * What the type checker knows about a value: the category that decides which comparisons it
 * supports, plus the Java type when it comes from a path.
 */
sealed interface ValueType {

  /** How the type reads in a message: {@code double}, {@code String}, {@code AbTestResult}. */
  String describe();

  /** Whether the value can never be null (a primitive or a literal other than null). */
  boolean primitive();

  /** A number: a primitive numeric type, its box, or a number literal. */
  record NumberType(String describe, boolean integral, boolean boxed) implements ValueType {
    @Override
    public boolean primitive() {
      return !boxed;
    }
  }

  /** {@code boolean}, {@code Boolean}, a boolean literal, or the result of a test. */
  record BooleanType(String describe, boolean boxed) implements ValueType {
    static final BooleanType PRIMITIVE = new BooleanType("boolean", false);

    @Override
    public boolean primitive() {
      return !boxed;
    }
  }

  /** {@code String} or a string literal. */
  record StringType(boolean literal) implements ValueType {
    @Override
    public String describe() {
      return "String";
    }

    @Override
    public boolean primitive() {
      return false;
    }
  }

  /** An enum type. */
  record EnumType(TypeElement element, String describe) implements ValueType {
    @Override
    public boolean primitive() {
      return false;
    }
  }

  /** The {@code null} literal. */
  record NullType() implements ValueType {
    @Override
    public String describe() {
      return "null";
    }

    @Override
    public boolean primitive() {
      return false;
    }
  }

  /** Any other type (a record, a class, {@code char}); compares only with its own type or null. */
  record OtherType(TypeMirror mirror, String describe, boolean primitive) implements ValueType {}

  /** The output of a {@code void} stage. */
  record VoidType() implements ValueType {
    @Override
    public String describe() {
      return "void";
    }

    @Override
    public boolean primitive() {
      return true;
    }
  }

  /** A value whose error was already reported; checks on it report nothing more. */
  record ErrorType() implements ValueType {
    @Override
    public String describe() {
      return "<error>";
    }

    @Override
    public boolean primitive() {
      return false;
    }
  }
}
