package dev.stagecraft.annotations.condition;

/**
 * What the type checker knows about a value: the category that decides which comparisons it
 * supports, plus the type when it comes from a path.
 *
 * @param <T> the type representation of the {@link TypeModel}
 */
public sealed interface ValueType<T> {

  /** How the type reads in a message: {@code double}, {@code String}, {@code AbTestResult}. */
  String describe();

  /** Whether the value can never be null (a primitive or a literal other than null). */
  boolean primitive();

  /** A number: a primitive numeric type, its box, or a number literal. */
  record NumberType<T>(String describe, boolean integral, boolean boxed) implements ValueType<T> {
    @Override
    public boolean primitive() {
      return !boxed;
    }
  }

  /** {@code boolean}, {@code Boolean}, a boolean literal, or the result of a test. */
  record BooleanType<T>(String describe, boolean boxed) implements ValueType<T> {
    /** The primitive {@code boolean}. */
    public static <T> BooleanType<T> primitiveBoolean() {
      return new BooleanType<>("boolean", false);
    }

    @Override
    public boolean primitive() {
      return !boxed;
    }
  }

  /** {@code String} or a string literal. */
  record StringType<T>(boolean literal) implements ValueType<T> {
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
  record EnumType<T>(T type, String describe) implements ValueType<T> {
    @Override
    public boolean primitive() {
      return false;
    }
  }

  /** The {@code null} literal. */
  record NullType<T>() implements ValueType<T> {
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
  record OtherType<T>(T type, String describe, boolean primitive) implements ValueType<T> {}

  /** The output of a {@code void} stage. */
  record VoidType<T>() implements ValueType<T> {
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
  record ErrorType<T>() implements ValueType<T> {
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
