package dev.stagecraft.runtime.engine;

/** Asked for the output of a stage that has none: it was skipped, failed or never ran. */
public class StageOutputUnavailableException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  private final transient StageOutcome outcome;

  /** Says which stage, its status and its reason. */
  public StageOutputUnavailableException(StageOutcome outcome) {
    super(
        "stage '"
            + outcome.name()
            + "' has no output: it ended "
            + outcome.status()
            + (outcome.reason().isEmpty() ? "" : " (" + outcome.reason() + ")"));
    this.outcome = outcome;
  }

  /** The stage's outcome. */
  public StageOutcome outcome() {
    return outcome;
  }
}
