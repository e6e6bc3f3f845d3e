package dev.stagecraft.runtime.graph;

import java.util.List;
import java.util.Objects;

/**
 * A {@code @When} condition: its source text, the stages and parameters it reads (the stages become
 * dependencies of the stage), the predicate the processor compiled from it, and each path it reads
 * into a stage's output, with what the value there compares as and generated code that reads it (a
 * process that holds only that stage's output, such as one stage of an exported workflow, passes
 * those values on).
 */
public record Condition(
    String source,
    List<String> stages,
    List<String> params,
    Predicate predicate,
    List<StagePath> paths) {
  public Condition {
    Objects.requireNonNull(source, "source");
    stages = List.copyOf(stages);
    params = List.copyOf(params);
    Objects.requireNonNull(predicate, "predicate");
    paths = List.copyOf(paths);
  }

  /**
   * A condition built by hand: without {@link #paths}, it runs as usual but cannot be exported when
   * it reads a stage's output.
   */
  public Condition(String source, List<String> stages, List<String> params, Predicate predicate) {
    this(source, stages, params, predicate, List.of());
  }

  /** Compiled condition code; it reports the values it reads through the scope. */
  @FunctionalInterface
  public interface Predicate {
    /** Evaluates the condition. */
    boolean test(ConditionScope scope);
  }

  /**
   * A path of the condition that starts at a stage's output ({@code abTest.confidence}), as the
   * condition reads it.
   *
   * @param path the path as written, its first segment the stage
   * @param type what the value at its end compares as
   * @param reader reads the value from {@code scope.output(stage)}; navigating through null throws
   *     as the condition does
   */
  public record StagePath(String path, ConditionType type, Reader reader) {
    public StagePath {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(reader, "reader");
    }

    /** The stage whose output the path starts at. */
    public String stage() {
      int dot = path.indexOf('.');
      return dot < 0 ? path : path.substring(0, dot);
    }
  }

  /** Generated code that reads one path through the scope. */
  @FunctionalInterface
  public interface Reader {
    /** The value at the end of the path (null when it is null there). */
    Object read(ConditionScope scope);
  }
}
