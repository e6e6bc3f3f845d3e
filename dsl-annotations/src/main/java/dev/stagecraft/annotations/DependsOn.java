package dev.stagecraft.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Orders a stage after other stages, by name, without taking their output. Satisfied when each
 * named stage SUCCEEDED, was CACHED or was SKIPPED.
 *
 * <pre>{@code
 * @Stage @DependsOn({"validate", "backup"})
 * public void publish() { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface DependsOn {
  /** Names of the stages that must finish first. */
  String[] value();
}
