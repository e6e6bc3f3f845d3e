package dev.stagecraft.runtime.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Optional;

/** Finds the object in a stage output that has all the named fields, searching a few levels. */
final class JsonFind {
  private static final int MAX_DEPTH = 4;

  private JsonFind() {}

  /**
   * The first object (depth first, the output itself first) holding every field of {@code names}.
   */
  static Optional<JsonNode> objectWith(JsonNode node, String... names) {
    return find(node, 0, names);
  }

  private static Optional<JsonNode> find(JsonNode node, int depth, String[] names) {
    if (node == null || !node.isObject() || depth > MAX_DEPTH) {
      return Optional.empty();
    }
    boolean all = true;
    for (String name : names) {
      all &= node.has(name);
    }
    if (all) {
      return Optional.of(node);
    }
    for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
      Optional<JsonNode> found = find(it.next(), depth + 1, names);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }
}
