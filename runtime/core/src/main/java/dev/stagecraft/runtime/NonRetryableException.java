package dev.stagecraft.runtime;

/**
 * Thrown by a stage to fail at once, without the retries its {@code @Stage(retries)} allows.
 *
 * <pre>{@code
 * if (data.rowCount() == 0) throw new NonRetryableException("input has no rows");
 * }</pre>
 */
public class NonRetryableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A failure that retrying cannot fix. */
  public NonRetryableException(String message) {
    super(message);
  }

  /** A failure that retrying cannot fix, with its cause. */
  public NonRetryableException(String message, Throwable cause) {
    super(message, cause);
  }
}
