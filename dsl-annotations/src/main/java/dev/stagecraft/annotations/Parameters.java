package dev.stagecraft.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the record, nested in a {@link Pipeline} class, that declares the pipeline's parameters
 * once: each component is one parameter, its name and type those of the component, with an optional
 * {@link Param} (description, another name), {@link Default} and checks ({@link Range}, {@link
 * NotEmpty}, {@link OneOf}). Stages then read a parameter with {@code @Param("name")} alone.
 *
 * <pre>{@code
 * @Pipeline
 * public class TrainPipeline {
 *   @Parameters
 *   record Params(
 *       @Param(description = "Cross-validation folds") @Default("3") @Range(min = 2) int folds,
 *       @Param(description = "Search method") @Default("random") @OneOf({"random", "tpe"})
 *           String searchMethod) {
 *     Params {   // checks of several values together, as IllegalArgumentException
 *       if (searchMethod.equals("tpe") && folds < 3) {
 *         throw new IllegalArgumentException("tpe needs folds >= 3");
 *       }
 *     }
 *   }
 *
 *   @Stage public Model train(@Param("folds") int folds) { ... }
 * }
 * }</pre>
 *
 * <p>Before any stage runs, every value is checked against its annotations, and every bad value is
 * reported at once; then the record is constructed with the values, so its compact constructor can
 * check what the annotations cannot (a value against another, a name against a list). What it
 * throws as an {@code IllegalArgumentException} is bad input. Stages receive the values, not the
 * record: the constructor checks, it does not change them.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Parameters {}
