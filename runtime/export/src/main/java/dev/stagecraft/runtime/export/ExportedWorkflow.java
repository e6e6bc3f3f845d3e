package dev.stagecraft.runtime.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.Objects;
import java.util.Optional;

/**
 * What an export writes: the Workflow or WorkflowTemplate, and the tenant's NetworkPolicy (a
 * Kubernetes object, so a document of its own) when it asks for one.
 */
public record ExportedWorkflow(JsonNode workflow, Optional<JsonNode> networkPolicy) {
  private static final ObjectMapper YAML =
      new ObjectMapper(
          new YAMLFactory()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
              .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));

  public ExportedWorkflow {
    Objects.requireNonNull(workflow, "workflow");
    Objects.requireNonNull(networkPolicy, "networkPolicy");
  }

  /** The workflow as YAML. */
  public String workflowYaml() {
    return yaml(workflow);
  }

  /** The NetworkPolicy as YAML, if the tenant asks for one. */
  public Optional<String> networkPolicyYaml() {
    return networkPolicy.map(ExportedWorkflow::yaml);
  }

  /** Reads a document written by {@link #workflowYaml} back as a tree. */
  public static JsonNode parse(String yaml) {
    try {
      return YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not YAML: " + e.getOriginalMessage(), e);
    }
  }

  private static String yaml(JsonNode node) {
    try {
      return YAML.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write YAML", e);
    }
  }
}
