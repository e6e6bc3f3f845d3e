package dev.stagecraft.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Receives the output of another stage, which becomes a dependency. The parameter type must accept
 * the producer's return type; {@code Optional<T>} receives {@code Optional.empty()} when the
 * producer was skipped; the output of a {@link ForEach} stage arrives as a {@code List}.
 *
 * <pre>{@code
 * public Model train(@Input("preprocess") Table data) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Input {
  /** The producing stage's name. */
  String value();
}
