package dev.stagecraft.runtime.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hyperparameter search history in a stage output (a {@code history} list of trials, as a
 * trained model holds), as rows for the report: one per trial with its model type, search method,
 * parameters, score, state and time, the best complete trial marked.
 *
 * @param instance the stage instance that produced it
 * @param rows one row per trial, in trial order
 */
public record TrialTable(String instance, List<Row> rows) {
  private static final int MAX_DEPTH = 4;

  /** Copies the rows. */
  public TrialTable {
    rows = List.copyOf(rows);
  }

  /**
   * One trial.
   *
   * @param trial its number
   * @param modelType the model type searched
   * @param method the search method that proposed it (empty when not recorded)
   * @param params its parameters as {@code name=value, ...}
   * @param score its mean score over the folds it ran
   * @param folds how many folds it ran
   * @param state {@code complete} or {@code pruned}
   * @param durationMs its wall time
   * @param best whether it is the best complete trial (the highest score, the earliest on a tie)
   */
  public record Row(
      int trial,
      String modelType,
      String method,
      String params,
      double score,
      int folds,
      String state,
      long durationMs,
      boolean best) {}

  /** How many of the trials were pruned. */
  public long prunedCount() {
    return rows.stream().filter(r -> r.state().equals("pruned")).count();
  }

  /** The trial table of an output that holds a search history, else empty. */
  public static Optional<TrialTable> of(String instance, JsonNode output) {
    return find(output, 0).map(history -> new TrialTable(instance, rows(history)));
  }

  private static Optional<JsonNode> find(JsonNode node, int depth) {
    if (node == null || !node.isObject() || depth > MAX_DEPTH) {
      return Optional.empty();
    }
    JsonNode history = node.get("history");
    if (history != null
        && history.isArray()
        && history.size() > 0
        && history.get(0).has("trial")
        && history.get(0).has("meanScore")) {
      return Optional.of(history);
    }
    for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
      Optional<JsonNode> found = find(it.next(), depth + 1);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static List<Row> rows(JsonNode history) {
    int best = -1;
    for (int i = 0; i < history.size(); i++) {
      JsonNode t = history.get(i);
      if (complete(t)
          && (best < 0
              || t.path("meanScore").asDouble() > history.get(best).path("meanScore").asDouble())) {
        best = i;
      }
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < history.size(); i++) {
      JsonNode t = history.get(i);
      List<String> params = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = t.path("params").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> p = it.next();
        JsonNode v = p.getValue();
        params.add(p.getKey() + "=" + (v.isNumber() ? Format.number(v.asDouble()) : v.asText()));
      }
      rows.add(
          new Row(
              t.path("trial").asInt(),
              t.path("modelType").asText(),
              t.path("method").asText(""),
              String.join(", ", params),
              t.path("meanScore").asDouble(Double.NaN),
              t.path("foldScores").size(),
              complete(t) ? "complete" : "pruned",
              t.path("durationMs").asLong(),
              i == best));
    }
    return rows;
  }

  private static boolean complete(JsonNode trial) {
    return !"PRUNED".equals(trial.path("state").asText());
  }
}
