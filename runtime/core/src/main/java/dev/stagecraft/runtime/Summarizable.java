package dev.stagecraft.runtime;

import java.util.List;

/**
 * A stage output that contributes lines to the summary {@code stagecraft run} prints after its
 * stage table (and that a report may show): what a person wants to know about the stage's result at
 * a glance, e.g. {@code variant b: gradient_boosting, test accuracy 0.974}.
 *
 * <p>The run command prints the lines of every stage output implementing it, in stage order, for
 * the stages that produced an output (SUCCEEDED or CACHED). Keep each line short and
 * self-contained; do not repeat the stage's status or time, which the table shows.
 *
 * <pre>{@code
 * public record Deployed(String target, int version) implements Summarizable {
 *   public List<String> summaryLines() {
 *     return List.of("deployed to " + target + " as version " + version);
 *   }
 * }
 * }</pre>
 */
public interface Summarizable {
  /** The lines to show, without line breaks; may be empty. */
  List<String> summaryLines();
}
