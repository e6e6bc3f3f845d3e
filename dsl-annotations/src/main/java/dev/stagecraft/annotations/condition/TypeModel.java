package dev.stagecraft.annotations.condition;

import java.util.List;
import java.util.Optional;

/**
 * What the condition checker needs to know about the types of a world, so that one checker serves
 * both the annotation processor (whose types are javac's {@code TypeMirror}s) and the runtime
 * (whose types describe parameters and profile facts).
 *
 * @param <T> the type representation
 */
public interface TypeModel<T> {
  /**
   * The category of {@code type}, which decides what it compares with; a void type is {@link
   * ValueType.VoidType}, an unresolved one {@link ValueType.OtherType}.
   */
  ValueType<T> classify(T type);

  /** Whether {@code type} stands for "no value" ({@code void}). */
  boolean isVoid(T type);

  /** Whether the compiler could not resolve {@code type} yet. */
  boolean isUnresolved(T type);

  /** Whether {@code type} may have properties (a class, record or interface type). */
  boolean hasProperties(T type);

  /** The property {@code name} of {@code owner}, if it has one. */
  Optional<Property<T>> property(T owner, String name);

  /** Every property name of {@code owner}, for "did you mean" and listings. */
  List<String> propertyNames(T owner);

  /** A type variable or wildcard as its upper bound; other types as they are. */
  T upperBound(T type);

  /** Whether two types are the same once their type arguments are erased. */
  boolean sameErasure(T left, T right);

  /** The constant names of an enum type, in declaration order. */
  List<String> enumConstants(T enumType);

  /** How the type reads in a message: {@code AbTestResult}, {@code List<Model>}, {@code double}. */
  String display(T type);

  /**
   * The type a profile fact of this kind is read as: {@code Long} for {@link
   * ProfileFact.Kind#BYTES}, {@code String} for {@link ProfileFact.Kind#CHOICE}, {@code Boolean}
   * for {@link ProfileFact.Kind#BOOLEAN} (boxed: an absent fact is null).
   */
  T profileFactType(ProfileFact.Kind kind);

  /**
   * One readable property.
   *
   * @param member the member read: a method name (called without arguments) or a field name
   * @param field whether {@code member} is a field
   * @param type the property's type as seen from the owner's type
   */
  record Property<T>(String member, boolean field, T type) {}
}
