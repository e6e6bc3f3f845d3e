package dev.stagecraft.runtime.export;

import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.StageSpec;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Names in an exported workflow. Argo allows only {@code [a-zA-Z0-9-]} in task names and {@code
 * [a-zA-Z0-9_-]} in parameter names: a stage's task is its name with every other character (and
 * runs of them) as one {@code -}, so it never holds {@code --}, which the workflow's own tasks and
 * templates use ({@code stagecraft--begin}); two stages that map to one name get a short hash.
 */
public final class ArgoNames {
  /** The task and template that record the run before any stage. */
  public static final String BEGIN = "stagecraft--begin";

  /**
   * The exit handler's template: records every stage Argo skipped or omitted, and the run's end.
   */
  public static final String END = "stagecraft--end";

  /** The DAG template, the workflow's entrypoint. */
  public static final String DAG = "stagecraft--dag";

  private static final int MAX_LENGTH = 56;

  private final Map<String, String> tasks = new LinkedHashMap<>();

  private ArgoNames(PipelineDefinition def) {
    Set<String> taken = new HashSet<>();
    for (StageSpec s : def.stages()) {
      String name = sanitized(s.name());
      if (!taken.add(name)) {
        name = name + "-" + hash(s.name());
        taken.add(name);
      }
      tasks.put(s.name(), name);
    }
  }

  /** The names of a pipeline's tasks. */
  public static ArgoNames of(PipelineDefinition def) {
    return new ArgoNames(def);
  }

  /** The task (and template) that runs stage {@code stage}. */
  public String task(String stage) {
    String name = tasks.get(stage);
    if (name == null) {
      throw new IllegalArgumentException("no stage '" + stage + "'");
    }
    return name;
  }

  /** The template of a fan-out stage whose instances run at most a bounded number at once. */
  public String instancesTemplate(String stage) {
    return task(stage) + "--instances";
  }

  /**
   * The output parameter holding the value at the end of a condition's path ({@code
   * abTest.confidence} becomes {@code abTest-confidence}), or a parameter's canonical value on the
   * begin task ({@code param-enableAbTesting}).
   */
  public static String pathParameter(String path) {
    return parameterName(path);
  }

  /** The begin task's output parameter holding a pipeline parameter's canonical value. */
  public static String paramParameter(String param) {
    return "param-" + parameterName(param);
  }

  /** The begin task's output parameter holding the indexes of a {@code List} parameter. */
  public static String paramItemsParameter(String param) {
    return "items-" + parameterName(param);
  }

  /** A stage task's output parameter holding the indexes of its {@code List} output. */
  public static final String ITEMS = "items";

  /**
   * {@code .} as {@code -} (a path's separator, which names never hold otherwise), any other
   * character outside {@code [a-zA-Z0-9_]} as {@code _} and its hex code.
   */
  private static String parameterName(String text) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '.') {
        b.append('-');
      } else if (isAlphanumeric(c) || c == '_') {
        b.append(c);
      } else {
        b.append('_').append(Integer.toHexString(c));
      }
    }
    return b.toString();
  }

  private static String sanitized(String stage) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < stage.length(); i++) {
      char c = stage.charAt(i);
      if (isAlphanumeric(c)) {
        b.append(c);
      } else if (b.length() > 0 && b.charAt(b.length() - 1) != '-') {
        b.append('-');
      }
    }
    if (b.length() > MAX_LENGTH) {
      b.setLength(MAX_LENGTH);
      b.append('-').append(hash(stage));
    }
    while (b.length() > 0 && b.charAt(b.length() - 1) == '-') {
      b.setLength(b.length() - 1);
    }
    return b.length() == 0 ? "stage-" + hash(stage) : b.toString();
  }

  private static boolean isAlphanumeric(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static String hash(String text) {
    return String.format(Locale.ROOT, "%06x", text.hashCode() & 0xffffff);
  }
}
