package dev.stagecraft.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a stage only when a condition holds; otherwise the stage is SKIPPED. The expression is
 * parsed and type-checked at compile time and compiled into plain Java. Paths start at a {@link
 * Param} name or a stage name (which becomes a dependency).
 *
 * <pre>{@code
 * @Stage @When("enableAbTesting && abTest.confidence > 0.8 || environment in ['dev', 'staging']")
 * public Deployment deploy(@Input("abTest") AbTestResult result) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface When {
  /** The condition, in Stagecraft's small expression language. */
  String value();
}
