package dev.stagecraft.processor.condition;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Test-only: marks a class whose fields are parameters (name and type) and whose methods are stages
 * (name and return type) for the {@link #value() conditions} to compile against.
 */
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface ConditionFixture {
  /** The conditions, compiled in order. */
  String[] value();
}
