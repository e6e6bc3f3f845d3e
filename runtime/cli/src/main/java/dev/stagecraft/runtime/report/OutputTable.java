package dev.stagecraft.runtime.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A small stored output shown as key/value rows: nested objects as dotted keys ({@code
 * metrics.accuracy}), short lists of values inline, longer lists by their size.
 *
 * @param instance the stage instance that produced it
 * @param rows key and value text, in the output's order
 * @param truncated whether rows were left out to keep the table short
 */
public record OutputTable(String instance, List<Row> rows, boolean truncated) {
  /** Most rows one output shows. */
  public static final int MAX_ROWS = 40;

  private static final int MAX_INLINE_ITEMS = 8;
  private static final int MAX_DEPTH = 4;

  public OutputTable {
    rows = List.copyOf(rows);
  }

  /** One key and its value as text; the key is empty for an output that is a single value. */
  public record Row(String key, String value) {}

  /** The rows of a JSON value; empty for {@code null}. */
  public static OutputTable of(String instance, JsonNode value) {
    List<Row> rows = new ArrayList<>();
    boolean[] truncated = {false};
    if (value != null && !value.isNull() && !value.isMissingNode()) {
      flatten("", value, 0, rows, truncated);
    }
    return new OutputTable(instance, rows, truncated[0]);
  }

  private static void flatten(
      String key, JsonNode node, int depth, List<Row> rows, boolean[] truncated) {
    if (rows.size() >= MAX_ROWS) {
      truncated[0] = true;
      return;
    }
    if (node.isObject() && node.size() > 0 && depth < MAX_DEPTH) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        flatten(
            key.isEmpty() ? f.getKey() : key + "." + f.getKey(),
            f.getValue(),
            depth + 1,
            rows,
            truncated);
      }
      return;
    }
    if (node.isArray()
        && depth < MAX_DEPTH
        && node.size() > 0
        && !allScalars(node)
        && node.size() <= MAX_INLINE_ITEMS) {
      for (int i = 0; i < node.size(); i++) {
        flatten(key + "[" + i + "]", node.get(i), depth + 1, rows, truncated);
      }
      return;
    }
    rows.add(new Row(key, text(node)));
  }

  private static boolean allScalars(JsonNode array) {
    for (JsonNode n : array) {
      if (n.isContainerNode()) {
        return false;
      }
    }
    return true;
  }

  private static String text(JsonNode node) {
    if (node.isNumber()) {
      return node.isIntegralNumber() ? node.asText() : Format.number(node.doubleValue());
    }
    if (node.isValueNode()) {
      return node.isNull() ? "null" : node.asText();
    }
    if (node.isArray() && allScalars(node) && node.size() <= MAX_INLINE_ITEMS) {
      List<String> items = new ArrayList<>();
      node.forEach(n -> items.add(text(n)));
      return "[" + String.join(", ", items) + "]";
    }
    if (node.isArray()) {
      return "[" + node.size() + (node.size() == 1 ? " item]" : " items]");
    }
    return node.size() == 0 ? "{}" : "{" + node.size() + " fields}";
  }
}
