package dev.stagecraft.processor.condition;

import dev.stagecraft.runtime.graph.ConditionScope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test scope: serves the given parameters, outputs and profile facts (absent facts are null), fails
 * on a parameter or output not given (so a test sees which values a short-circuiting condition did
 * not read), and records every {@code saw}.
 */
final class RecordingScope implements ConditionScope {
  private final Map<String, Object> params = new LinkedHashMap<>();
  private final Map<String, Object> outputs = new LinkedHashMap<>();
  private final Map<String, Object> profile = new LinkedHashMap<>();
  private final List<String> seen = new ArrayList<>();

  RecordingScope param(String name, Object value) {
    params.put(name, value);
    return this;
  }

  RecordingScope output(String stage, Object value) {
    outputs.put(stage, value);
    return this;
  }

  /** Gives a profile fact; facts not given are absent (null), as in a run. */
  RecordingScope profile(String fact, Object value) {
    profile.put(fact, value);
    return this;
  }

  /** Each value the condition saw, as {@code path = value}, in order. */
  List<String> seen() {
    return seen;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T param(String name) {
    if (!params.containsKey(name)) {
      throw new IllegalStateException("param not provided: " + name);
    }
    return (T) params.get(name);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T output(String stage) {
    if (!outputs.containsKey(stage)) {
      throw new IllegalStateException("output not provided: " + stage);
    }
    return (T) outputs.get(stage);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T profile(String fact) {
    return (T) profile.get(fact);
  }

  @Override
  public <T> T saw(String path, T value) {
    seen.add(path + " = " + value);
    return value;
  }

  @Override
  public <T> T notNull(String path, T value) {
    if (value == null) {
      throw new NullPathException(path);
    }
    return value;
  }

  /** What the test scope throws when a condition navigates through null. */
  static final class NullPathException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NullPathException(String path) {
      super(path + " is null");
    }
  }
}
