package dev.stagecraft.runtime.server;

/**
 * A request the server answers with an error status and {@code {"error": message}}: 400 bad input,
 * 401 no or wrong token, 403 not permitted or over quota, 404 unknown (or another tenant's), 409
 * not possible in the run's state, 413 too large.
 */
public final class HttpError extends RuntimeException {
  private final int status;

  public HttpError(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  static HttpError badRequest(String message) {
    return new HttpError(400, message);
  }

  static HttpError forbidden(String message) {
    return new HttpError(403, message);
  }

  static HttpError notFound(String message) {
    return new HttpError(404, message);
  }

  static HttpError conflict(String message) {
    return new HttpError(409, message);
  }
}
