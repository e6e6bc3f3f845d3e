package dev.stagecraft.runtime.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Argo Workflows' JSON Schema (draft 2020-12), copied into the test resources with its source (see
 * {@code argo/README.md}), and the check every exported document passes. Shared with the examples'
 * tests through this module's test jar.
 */
public final class ArgoSchema {
  private static final Schema SCHEMA = load();

  private ArgoSchema() {}

  /** The schema's complaints about {@code document}; empty when it is valid. */
  public static List<String> errors(JsonNode document) {
    return SCHEMA.validate(document).stream().map(Error::toString).toList();
  }

  /** Fails with every complaint when {@code document} is not a valid Argo document. */
  public static void assertValid(JsonNode document) {
    assertEquals(List.of(), errors(document), "the document breaks Argo's schema");
  }

  private static Schema load() {
    try (InputStream in =
        ArgoSchema.class.getResourceAsStream("/argo/argo-workflows.schema.json")) {
      if (in == null) {
        throw new IllegalStateException("argo/argo-workflows.schema.json is not on the class path");
      }
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
