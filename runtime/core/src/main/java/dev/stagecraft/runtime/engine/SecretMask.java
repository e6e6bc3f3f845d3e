package dev.stagecraft.runtime.engine;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The secret values a run's stages have read, and what hides them: every text the run reports (log
 * lines, reasons of failed attempts and stages, progress messages, metric names) has each value
 * replaced by {@value #MASK}. Costs nothing until a stage reads a secret.
 */
final class SecretMask {
  /** What a secret's value is replaced with. */
  static final String MASK = "***";

  /** Secret name by value (values shorter than 3 characters are kept but not masked). */
  private final Map<String, String> nameByValue = new ConcurrentHashMap<>();

  private volatile boolean any;

  /** Remembers a value read, to hide it from then on. */
  void add(String name, String value) {
    if (value != null && !value.isEmpty()) {
      nameByValue.put(value, name);
      any = true;
    }
  }

  /** {@code text} with every secret value read so far replaced by {@value #MASK}. */
  String apply(String text) {
    if (!any || text == null) {
      return text;
    }
    String masked = text;
    for (String value : nameByValue.keySet()) {
      if (masked.contains(value)) {
        masked = masked.replace(value, MASK);
      }
    }
    return masked;
  }

  /**
   * The name of a secret whose value {@code output}'s text holds (its bytes as UTF-8 for a {@code
   * byte[]}, else its {@code toString}), if any.
   */
  Optional<String> foundIn(Object output) {
    if (!any || output == null) {
      return Optional.empty();
    }
    String text =
        output instanceof byte[] bytes
            ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
            : String.valueOf(output);
    for (Map.Entry<String, String> e : nameByValue.entrySet()) {
      if (text.contains(e.getKey())) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }

  /** Whether a stage has read a secret. */
  boolean isEmpty() {
    return !any;
  }

  /** A log line with its message masked. */
  LogLine apply(LogLine line) {
    return any ? new LogLine(line.attempt(), line.at(), line.level(), apply(line.message())) : line;
  }
}
