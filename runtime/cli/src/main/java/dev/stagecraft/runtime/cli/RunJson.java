package dev.stagecraft.runtime.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stagecraft.runtime.engine.ItemLabel;
import dev.stagecraft.runtime.engine.RunResult;
import dev.stagecraft.runtime.engine.StageOutcome;
import dev.stagecraft.runtime.store.codec.JsonMappers;
import dev.stagecraft.runtime.store.history.HistoryJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The one JSON object {@code run --json} prints: {@code {"runId", "pipeline", "status", "stages":
 * [{"name", "status", "attempts", "durationMs", "reason", "item", "metrics", "failedAttempts"}]}},
 * where {@code item} is a fan-out instance's item label ({@link ItemLabel}) and {@code
 * failedAttempts} lists every failed attempt with its error.
 */
public final class RunJson {
  private static final ObjectMapper JSON = JsonMappers.create();

  private RunJson() {}

  /** The run as one line of JSON. */
  public static String of(RunResult r) {
    ObjectNode root = JSON.createObjectNode();
    root.put("runId", r.runId());
    root.put("pipeline", r.pipeline());
    root.put("status", r.status().name());
    var stages = root.putArray("stages");
    for (StageOutcome o : r.stages()) {
      ObjectNode s = stages.addObject();
      s.put("name", o.name());
      s.put("status", o.status().name());
      s.put("attempts", o.attempts());
      s.put("durationMs", o.durationMs());
      s.put("reason", o.reason());
      if (o.item().isPresent()) {
        s.put("item", ItemLabel.of(o.item().get()));
      } else {
        s.putNull("item");
      }
      ObjectNode metrics = s.putObject("metrics");
      for (Map.Entry<String, Double> m : new java.util.TreeMap<>(o.metrics()).entrySet()) {
        metrics.put(m.getKey(), m.getValue());
      }
      s.set("failedAttempts", HistoryJson.failedAttempts(o.failedAttempts()));
    }
    try {
      // as bytes, then one String: writeValueAsString copies its buffer char by char, which for
      // a run of thousands of stages costs a fresh JVM more than building the tree
      return new String(JSON.writeValueAsBytes(root), StandardCharsets.UTF_8);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A fan-out item as JSON, wherever one is printed: paths, durations and enums as their text,
   * anything else as Jackson writes it (its text when Jackson cannot).
   */
  static com.fasterxml.jackson.databind.JsonNode itemNode(Object item) {
    if (item instanceof Path || item instanceof Duration || item instanceof Enum<?>) {
      return JSON.getNodeFactory().textNode(String.valueOf(item));
    }
    try {
      return JSON.valueToTree(item);
    } catch (IllegalArgumentException e) {
      return JSON.getNodeFactory().textNode(String.valueOf(item));
    }
  }
}
