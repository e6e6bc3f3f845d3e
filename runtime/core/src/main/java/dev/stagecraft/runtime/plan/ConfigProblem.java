package dev.stagecraft.runtime.plan;

import java.util.Objects;

/**
 * One problem of a configuration file, where it is: {@code advanced-ml.yaml:12: rules[0].stages[0]:
 * unknown stage 'trian' (did you mean 'train'?)}.
 *
 * @param file the file as the user named it
 * @param line 1-based
 * @param key the key path of the value at fault, empty for the whole file
 */
public record ConfigProblem(String file, int line, String key, String message) {
  public ConfigProblem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(message, "message");
  }

  /** A problem of {@code node} in {@code file}. */
  static ConfigProblem at(String file, ConfigTree node, String message) {
    return new ConfigProblem(file, node.line(), node.key(), message);
  }

  /** {@code file:line: key: message}. */
  @Override
  public String toString() {
    return file + ":" + line + ": " + (key.isEmpty() ? "" : key + ": ") + message;
  }
}
