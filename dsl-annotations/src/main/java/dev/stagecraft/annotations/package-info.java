/**
 * The Stagecraft DSL: annotate plain Java methods to form a pipeline that {@code javac} checks.
 *
 * <pre>{@code
 * @Pipeline(description = "Train and evaluate")
 * public class TrainPipeline {
 *   @Stage public Table load(@Param("input") Path input) { ... }
 *   @Stage public Model train(@Input("load") Table data) { ... }
 * }
 * }</pre>
 */
package dev.stagecraft.annotations;
