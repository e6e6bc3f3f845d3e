package dev.stagecraft.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a stage only when a condition holds; otherwise the stage is SKIPPED. The expression is
 * parsed and type-checked at compile time and compiled into plain Java. Paths start at a {@link
 * Param} name, a stage name (which becomes a dependency), or {@code profile.<fact>}: a fact of the
 * run's profile ({@code --profile environment=production}; the facts are {@code data_size} in
 * bytes, {@code model_complexity}, {@code latency_requirement}, {@code priority}, {@code
 * environment}, {@code pipeline_mode} and the boolean {@code data_preprocessed}).
 *
 * <pre>{@code
 * @Stage(type = StageType.VALIDATION) @When("profile.environment != 'production'")
 * public Report dataQuality(@Input("load") Table data) { ... }
 * }</pre>
 *
 * <pre>{@code
 * @Stage @When("enableAbTesting && abTest.confidence > 0.8 || environment in ['dev', 'staging']")
 * public Deployment deploy(@Input("abTest") AbTestResult result) { ... }
 * }</pre>
 *
 * <p>Like any annotation value, the condition is a compile-time constant, so it may be built from
 * constants: {@code @When("abTest.confidence > " + PRODUCTION_CONFIDENCE)}.
 *
 * <p>The language:
 *
 * <pre>
 * expr    := or ;  or := and ('||' and)* ;  and := not ('&amp;&amp;' not)* ;  not := '!' not | cmp
 * cmp     := operand (('==' | '!=' | '&lt;' | '&lt;=' | '&gt;' | '&gt;=') operand
 *                     | 'in' '[' literal (',' literal)* ']')?
 * operand := literal | path | '(' expr ')' ;  path := IDENT ('.' IDENT)*
 * literal := number (1e9 allowed) | 'string' | "string" | true | false | null
 * </pre>
 *
 * <p>Later segments of a path are record components, getters ({@code getX}/{@code isX}) or public
 * fields of the static type. Numbers compare with numbers, strings with strings, booleans with
 * booleans, and an enum with a string literal naming one of its constants; the whole expression is
 * boolean. If a stage the condition reads was skipped, this stage is skipped too; navigating
 * through a null value fails the stage with a message naming the path. A profile fact compared with
 * a string must name one of its values ({@code 'production'}, not {@code 'prod'}); a fact the run
 * does not give is null: {@code ==} and {@code !=} compare with it, ordering and {@code in} are
 * false, and a boolean fact on its own is true only when given as true.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface When {
  /** The condition, in Stagecraft's small expression language. */
  String value();
}
