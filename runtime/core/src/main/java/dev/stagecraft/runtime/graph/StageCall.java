package dev.stagecraft.runtime.graph;

import dev.stagecraft.runtime.StageContext;
import java.util.Optional;

/**
 * What one execution of a stage receives. Values are typed by the generated code, which knows every
 * type at compile time; the casts below are checked there by the processor.
 */
public interface StageCall {
  /** The output of an upstream stage (a {@code List} for a fan-out stage). */
  <T> T input(String stage);

  /** The output of an upstream stage, empty when that stage was skipped. */
  <T> Optional<T> optionalInput(String stage);

  /** The value of a pipeline parameter. */
  <T> T param(String name);

  /** The item of a fan-out instance. */
  <T> T item();

  /** The execution's context. */
  StageContext context();
}
