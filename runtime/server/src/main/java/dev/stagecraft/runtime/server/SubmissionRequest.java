package dev.stagecraft.runtime.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code POST /api/v1/runs} asks for: {@code {"pipeline", "params": {}, "profile": {},
 * "environment"}}. Parameter and profile values are taken in their text form (a JSON number or
 * boolean as written), exactly as {@code -p} and {@code --profile} give them on the command line,
 * so that they are checked by the same code with the same messages.
 */
record SubmissionRequest(
    String pipeline,
    Map<String, String> params,
    Map<String, String> profile,
    Optional<String> environment) {

  private static final Set<String> FIELDS = Set.of("pipeline", "params", "profile", "environment");

  SubmissionRequest {
    Objects.requireNonNull(pipeline, "pipeline");
    params = Map.copyOf(params);
    profile = Map.copyOf(profile);
    Objects.requireNonNull(environment, "environment");
  }

  /**
   * Reads a request body.
   *
   * @throws HttpError 400 for malformed JSON, a missing pipeline, an unknown field or a value that
   *     is not a string, number or boolean
   */
  static SubmissionRequest parse(byte[] body, ObjectMapper json) {
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (JsonProcessingException e) {
      throw HttpError.badRequest(
          "the request body is not valid JSON: "
              // Jackson names where an unclosed object started with a source it does not show
              + e.getOriginalMessage().replaceAll("\\s*\\(start marker at \\[Source:.*?\\]\\)", "")
              + " (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ")");
    } catch (java.io.IOException e) {
      throw HttpError.badRequest("the request body cannot be read: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw HttpError.badRequest(
          "the request body must be a JSON object: {\"pipeline\": NAME, \"params\": {...},"
              + " \"profile\": {...}, \"environment\": ENV}");
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw HttpError.badRequest(
            "unknown field '"
                + name
                + "' in the request"
                + dev.stagecraft.annotations.syntax.Suggestions.didYouMean(name, FIELDS)
                + "; a submission has pipeline, params, profile and environment");
      }
    }
    JsonNode pipeline = root.get("pipeline");
    if (pipeline == null || !pipeline.isTextual() || pipeline.asText().isBlank()) {
      throw HttpError.badRequest(
          "the request needs \"pipeline\": the name of a pipeline, a string");
    }
    return new SubmissionRequest(
        pipeline.asText(),
        texts(root, "params"),
        texts(root, "profile"),
        optionalText(root, "environment"));
  }

  /** This request as JSON, as the store keeps it to plan it again after a restart. */
  String toJson(ObjectMapper json) {
    ObjectNode o = json.createObjectNode();
    o.put("pipeline", pipeline);
    ObjectNode p = o.putObject("params");
    params.forEach(p::put);
    ObjectNode f = o.putObject("profile");
    profile.forEach(f::put);
    environment.ifPresentOrElse(e -> o.put("environment", e), () -> o.putNull("environment"));
    return o.toString();
  }

  private static Map<String, String> texts(JsonNode root, String field) {
    JsonNode node = root.get(field);
    Map<String, String> values = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return values;
    }
    if (!node.isObject()) {
      throw HttpError.badRequest(
          "\"" + field + "\" must be an object of names to values, not " + kind(node));
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      if (!v.isValueNode() || v.isNull()) {
        throw HttpError.badRequest(
            field + "." + e.getKey() + " must be a string, number or boolean, not " + kind(v));
      }
      values.put(e.getKey(), v.asText());
    }
    return values;
  }

  private static Optional<String> optionalText(JsonNode root, String field) {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isTextual()) {
      throw HttpError.badRequest("\"" + field + "\" must be a string, not " + kind(node));
    }
    return Optional.of(node.asText());
  }

  private static String kind(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case NULL -> "null";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      default -> "a string";
    };
  }
}
