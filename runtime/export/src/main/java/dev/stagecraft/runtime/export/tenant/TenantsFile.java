package dev.stagecraft.runtime.export.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.stagecraft.annotations.syntax.Suggestions;
import dev.stagecraft.runtime.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads one tenant of a {@code tenants.yaml} for an export: {@code id}, {@code environment}, {@code
 * secrets} (names; {@code fromEnv} and {@code fromFile} are never read here), {@code configMaps}
 * and {@code isolation} ({@code namespacePrefix}, {@code networkPolicy}, {@code securityContext},
 * {@code labels}). Other keys (tokens, quotas, permissions) belong to the pipeline server and are
 * left alone. A stand-in for the tenants model of the pipeline server, kept apart in this package.
 */
public final class TenantsFile {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** The network policies an export can write. */
  public static final List<String> NETWORK_POLICIES = List.of("deny-egress", "none");

  private TenantsFile() {}

  /**
   * The tenant {@code id} of {@code file}.
   *
   * @throws UserInputException for a missing or malformed file, an unknown tenant (with a
   *     suggestion), or a value of the wrong shape, naming the file and the key
   */
  public static ExportTenant read(Path file, String id) {
    JsonNode root;
    try {
      root = YAML.readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new UserInputException("--tenants " + file + " does not exist");
    } catch (IOException e) {
      throw new UserInputException(
          file
              + " is not YAML ("
              + String.valueOf(e.getMessage()).lines().findFirst().orElse("")
              + ")");
    }
    JsonNode tenants = root == null ? null : root.get("tenants");
    if (tenants == null || !tenants.isArray()) {
      throw new UserInputException(file + ": tenants: expected a list of tenants");
    }
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < tenants.size(); i++) {
      JsonNode t = tenants.get(i);
      String tid = t.path("id").asText("");
      ids.add(tid);
      if (tid.equals(id)) {
        return tenant(file, "tenants[" + i + "]", t);
      }
    }
    throw new UserInputException(
        file
            + " has no tenant '"
            + id
            + "'"
            + Suggestions.closest(id, ids)
                .map(c -> " (did you mean '" + c + "'?)")
                .orElse(" (it has " + String.join(", ", ids) + ")"));
  }

  private static ExportTenant tenant(Path file, String at, JsonNode t) {
    JsonNode isolation = t.path("isolation");
    String id = t.path("id").asText();
    String namespace =
        text(file, at + ".isolation.namespacePrefix", isolation.get("namespacePrefix"));
    Optional<String> policy = Optional.empty();
    if (isolation.has("networkPolicy")) {
      String p = text(file, at + ".isolation.networkPolicy", isolation.get("networkPolicy"));
      if (!NETWORK_POLICIES.contains(p)) {
        throw new UserInputException(
            file
                + ": "
                + at
                + ".isolation.networkPolicy: unknown policy '"
                + p
                + "'"
                + Suggestions.closest(p, NETWORK_POLICIES)
                    .map(c -> " (did you mean '" + c + "'?)")
                    .orElse("")
                + "; use one of "
                + String.join(", ", NETWORK_POLICIES));
      }
      policy = p.equals("none") ? Optional.empty() : Optional.of(p);
    }
    List<String> secrets = new ArrayList<>();
    JsonNode s = t.path("secrets");
    for (int i = 0; i < s.size(); i++) {
      secrets.add(text(file, at + ".secrets[" + i + "].name", s.get(i).get("name")));
    }
    List<String> configMaps = new ArrayList<>();
    JsonNode c = t.path("configMaps");
    for (int i = 0; i < c.size(); i++) {
      configMaps.add(text(file, at + ".configMaps[" + i + "]", c.get(i)));
    }
    Map<String, Object> securityContext = new LinkedHashMap<>();
    isolation
        .path("securityContext")
        .fields()
        .forEachRemaining(
            e -> securityContext.put(e.getKey(), YAML.convertValue(e.getValue(), Object.class)));
    return new ExportTenant(
        id,
        namespace,
        strings(file, at + ".isolation.labels", isolation.path("labels")),
        securityContext,
        strings(file, at + ".environment", t.path("environment")),
        secrets,
        configMaps,
        policy);
  }

  private static String text(Path file, String key, JsonNode node) {
    if (node == null || !node.isValueNode() || node.asText().isEmpty()) {
      throw new UserInputException(file + ": " + key + ": expected a non-empty value");
    }
    return node.asText();
  }

  private static Map<String, String> strings(Path file, String key, JsonNode node) {
    Map<String, String> values = new TreeMap<>();
    if (node.isMissingNode()) {
      return values;
    }
    if (!node.isObject()) {
      throw new UserInputException(file + ": " + key + ": expected a mapping of names to values");
    }
    node.fields()
        .forEachRemaining(
            e -> values.put(e.getKey(), text(file, key + "." + e.getKey(), e.getValue())));
    return values;
  }
}
