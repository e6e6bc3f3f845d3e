package dev.stagecraft.runtime.graph;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a pipeline's definition is made of, as far as its results depend on it: each stage's type,
 * output type, version, inputs, dependencies, parameters, fan-out, condition and caching, and each
 * parameter's type. Resources, retries, timeouts and descriptions are left out: changing them does
 * not change what a stage computes. A run records it, so that resuming the run after the pipeline
 * changed can say what changed.
 *
 * <pre>{@code
 * PipelineFingerprint now = PipelineFingerprint.of(definition);
 * List<String> changes = now.changesSince(PipelineFingerprint.parse(recordedText));
 * // [stage 'train': version 1 -> 2, stage 'evaluate' was added]
 * }</pre>
 *
 * @param elements field values by element ({@code stage train}, {@code param nTrials}), sorted
 */
public record PipelineFingerprint(SortedMap<String, SortedMap<String, String>> elements) {
  private static final String STAGE = "stage ";
  private static final String PARAM = "param ";

  public PipelineFingerprint {
    SortedMap<String, SortedMap<String, String>> copy = new TreeMap<>();
    elements.forEach((k, v) -> copy.put(k, Collections.unmodifiableSortedMap(new TreeMap<>(v))));
    elements = Collections.unmodifiableSortedMap(copy);
  }

  /** The fingerprint of a definition. */
  public static PipelineFingerprint of(PipelineDefinition def) {
    SortedMap<String, SortedMap<String, String>> elements = new TreeMap<>();
    for (ParamSpec p : def.params()) {
      SortedMap<String, String> fields = new TreeMap<>();
      fields.put("type", p.type().displayName());
      elements.put(PARAM + p.name(), fields);
    }
    for (StageSpec s : def.stages()) {
      SortedMap<String, String> fields = new TreeMap<>();
      fields.put("type", s.type().name());
      fields.put("output", s.outputType());
      fields.put("version", s.version());
      List<String> inputs = new ArrayList<>();
      for (InputSpec in : s.inputs()) {
        inputs.add(in.optional() ? "Optional " + in.stage() : in.stage());
      }
      fields.put("inputs", inputs.toString());
      fields.put("after", new TreeSet<>(s.dependsOn()).toString());
      fields.put("params", new TreeSet<>(s.params()).toString());
      fields.put("cache", Boolean.toString(s.cache()));
      s.condition().ifPresent(c -> fields.put("when", c.source()));
      s.fanOut().ifPresent(f -> fields.put("for each", describe(f)));
      elements.put(STAGE + s.name(), fields);
    }
    return new PipelineFingerprint(elements);
  }

  /**
   * Reads the text of {@link #text()} back.
   *
   * @throws IllegalArgumentException when it is not such a text
   */
  public static PipelineFingerprint parse(String text) {
    SortedMap<String, SortedMap<String, String>> elements = new TreeMap<>();
    for (String line : text.split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      String[] parts = line.split("\t", -1);
      if (parts.length != 3) {
        throw new IllegalArgumentException("not a pipeline fingerprint line: " + line);
      }
      elements
          .computeIfAbsent(unescape(parts[0]), k -> new TreeMap<>())
          .put(unescape(parts[1]), unescape(parts[2]));
    }
    return new PipelineFingerprint(elements);
  }

  /** One line per field, {@code element TAB field TAB value}, sorted: what is recorded. */
  public String text() {
    StringBuilder b = new StringBuilder();
    elements.forEach(
        (element, fields) ->
            fields.forEach(
                (field, value) ->
                    b.append(escape(element))
                        .append('\t')
                        .append(escape(field))
                        .append('\t')
                        .append(escape(value))
                        .append('\n')));
    return b.toString();
  }

  /** The SHA-256 of {@link #text()}, hex: equal for equal definitions. */
  public String hash() {
    return hash(text());
  }

  /** The SHA-256 of a fingerprint's {@link #text()}, hex. */
  public static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * What changed from {@code before} to this one, one phrase per change ({@code stage 'train':
   * version 1 -> 2}, {@code stage 'evaluate' was added}); empty when nothing did.
   */
  public List<String> changesSince(PipelineFingerprint before) {
    List<String> changes = new ArrayList<>();
    TreeSet<String> names = new TreeSet<>(before.elements.keySet());
    names.addAll(elements.keySet());
    for (String element : names) {
      SortedMap<String, String> old = before.elements.get(element);
      SortedMap<String, String> now = elements.get(element);
      String label = label(element);
      if (old == null) {
        changes.add(label + " was added");
      } else if (now == null) {
        changes.add(label + " was removed");
      } else {
        TreeSet<String> fields = new TreeSet<>(old.keySet());
        fields.addAll(now.keySet());
        for (String field : fields) {
          String was = old.getOrDefault(field, "none");
          String is = now.getOrDefault(field, "none");
          if (!Objects.equals(was, is)) {
            changes.add(label + ": " + field + " " + was + " -> " + is);
          }
        }
      }
    }
    return changes;
  }

  private static String label(String element) {
    if (element.startsWith(STAGE)) {
      return "stage '" + element.substring(STAGE.length()) + "'";
    }
    if (element.startsWith(PARAM)) {
      return "parameter '" + element.substring(PARAM.length()) + "'";
    }
    return element;
  }

  private static String describe(FanOut f) {
    if (f instanceof FanOut.Items items) {
      return "items " + items.items();
    }
    if (f instanceof FanOut.FromParam p) {
      return "param " + p.param();
    }
    return "input " + ((FanOut.FromInput) f).stage();
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
  }

  private static String unescape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char next = s.charAt(++i);
        b.append(next == 't' ? '\t' : next == 'n' ? '\n' : next);
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return "PipelineFingerprint[" + hash() + "]";
  }
}
