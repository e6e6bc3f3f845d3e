package dev.stagecraft.runtime.engine;

import java.time.Instant;
import java.util.List;

/**
 * How a run ended: its id, status and every stage outcome in declaration order (fan-out instances
 * by instance name). Generated result classes wrap it with one typed accessor per stage.
 */
public record RunResult(
    String runId,
    String pipeline,
    RunStatus status,
    Instant start,
    Instant end,
    List<StageOutcome> stages) {

  public RunResult {
    stages = List.copyOf(stages);
  }

  /**
   * The output of a stage: its value, or for a fan-out stage the list of its instances' outputs in
   * item order.
   *
   * @throws StageOutputUnavailableException when the stage did not produce an output, saying its
   *     status and reason
   */
  @SuppressWarnings("unchecked")
  public <T> T output(String stage) {
    java.util.Optional<StageOutcome> whole = outcome(stage);
    if (whole.isPresent()) {
      StageOutcome o = whole.get();
      if (!o.status().hasOutput()) {
        throw new StageOutputUnavailableException(o);
      }
      return (T) o.output().orElse(null);
    }
    List<Object> outputs = new java.util.ArrayList<>();
    for (StageOutcome o : stages) {
      if (o.stage().equals(stage)) {
        if (!o.status().hasOutput()) {
          throw new StageOutputUnavailableException(o);
        }
        outputs.add(o.output().orElse(null));
      }
    }
    if (outputs.isEmpty()) {
      throw new IllegalArgumentException(
          "run " + runId + " of '" + pipeline + "' has no stage '" + stage + "'");
    }
    return (T) java.util.Collections.unmodifiableList(outputs);
  }

  /** The outcome of the stage or instance of that name. */
  public java.util.Optional<StageOutcome> outcome(String name) {
    for (StageOutcome o : stages) {
      if (o.name().equals(name)) {
        return java.util.Optional.of(o);
      }
    }
    return java.util.Optional.empty();
  }

  /**
   * The lines every {@link dev.stagecraft.runtime.Summarizable} stage output contributes, in stage
   * order, each on one line: what a run's summary says and its history records.
   */
  public List<String> summaryLines() {
    List<String> lines = new java.util.ArrayList<>();
    for (StageOutcome o : stages) {
      if (o.status().hasOutput()
          && o.output().orElse(null) instanceof dev.stagecraft.runtime.Summarizable s) {
        for (String line : s.summaryLines()) {
          lines.add(String.valueOf(line).strip().replaceAll("\\s*[\\r\\n]+\\s*", " "));
        }
      }
    }
    return lines;
  }
}
