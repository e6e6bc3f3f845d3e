package dev.stagecraft.runtime.engine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * What one stage execution logged, kept within bounds: each message (with the stack trace of an
 * exception logged with it) goes to the run's listeners, which store it with the execution, up to
 * {@link #MAX_LINES} messages and {@link #MAX_CHARS} characters; then one last message says that
 * the rest was not kept. The stage's SLF4J logger still gets every message.
 */
public final class StageLog {
  /** The most messages kept per execution, over all its attempts. */
  public static final int MAX_LINES = 2_000;

  /** The most characters kept per execution, over all its attempts. */
  public static final int MAX_CHARS = 256 * 1024;

  /** The longest message kept; a longer one is cut. */
  public static final int MAX_MESSAGE_CHARS = 16 * 1024;

  private final Consumer<LogLine> sink;
  private int lines;
  private long chars;
  private boolean full;

  StageLog(Consumer<LogLine> sink) {
    this.sink = sink;
  }

  /** Keeps a message of {@code attempt} unless the bounds are reached. */
  synchronized void add(int attempt, Instant at, String level, String message, Throwable error) {
    if (full) {
      return;
    }
    String text = error == null ? message : message + "\n" + stackTrace(error);
    if (text.length() > MAX_MESSAGE_CHARS) {
      text = text.substring(0, MAX_MESSAGE_CHARS) + "\u2026";
    }
    if (lines + 1 >= MAX_LINES || chars + text.length() > MAX_CHARS) {
      full = true;
      sink.accept(
          new LogLine(
              attempt,
              at,
              "WARN",
              "log limit reached ("
                  + MAX_LINES
                  + " messages or "
                  + MAX_CHARS / 1024
                  + " KiB per execution): later messages are not kept"));
      return;
    }
    lines++;
    chars += text.length();
    sink.accept(new LogLine(attempt, at, level, text));
  }

  /** The stack trace as {@code printStackTrace} writes it, without the last newline. */
  static String stackTrace(Throwable t) {
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    return w.toString().stripTrailing();
  }
}
