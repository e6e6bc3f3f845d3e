package dev.stagecraft.runtime.graph;

/** A pipeline built by hand that cannot run: a duplicate name, an unknown reference, a cycle. */
public class InvalidPipelineException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The problem, worded as the processor would word it. */
  public InvalidPipelineException(String message) {
    super(message);
  }
}
