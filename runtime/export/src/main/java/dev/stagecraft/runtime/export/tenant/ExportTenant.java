package dev.stagecraft.runtime.export.tenant;

import dev.stagecraft.runtime.config.tenants.Isolation;
import dev.stagecraft.runtime.config.tenants.SecretRef;
import dev.stagecraft.runtime.config.tenants.Tenant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an export needs of a {@link Tenant} of {@code tenants.yaml}: where its pods run and how they
 * are isolated. An export takes the tenant's secrets by name only: where the server reads a
 * secret's value ({@code fromEnv}, {@code fromFile}) is never part of it.
 *
 * @param namespace the namespace of its workflows (its {@code isolation.namespacePrefix})
 * @param labels labels of its workflows and pods
 * @param securityContext the container security context of its pods, as written
 * @param environment environment variables of its stages
 * @param secrets the names of its secrets: each a key of the Kubernetes Secret {@link
 *     #secretObject()}
 * @param configMaps config maps whose keys become environment variables
 * @param networkPolicy {@code deny-egress}, or empty for none
 */
public record ExportTenant(
    String id,
    String namespace,
    Map<String, String> labels,
    Map<String, Object> securityContext,
    Map<String, String> environment,
    List<String> secrets,
    List<String> configMaps,
    Optional<String> networkPolicy) {

  public ExportTenant {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(namespace, "namespace");
    labels = Map.copyOf(labels);
    securityContext = Map.copyOf(securityContext);
    environment = Map.copyOf(environment);
    secrets = List.copyOf(secrets);
    configMaps = List.copyOf(configMaps);
    Objects.requireNonNull(networkPolicy, "networkPolicy");
  }

  /** The part of {@code tenant} an export uses. */
  public static ExportTenant of(Tenant tenant) {
    Isolation isolation = tenant.isolation();
    return new ExportTenant(
        tenant.id(),
        isolation.namespacePrefix(),
        isolation.labels(),
        securityContext(isolation.securityContext()),
        tenant.environment(),
        tenant.secrets().stream().map(SecretRef::name).toList(),
        tenant.configMaps(),
        isolation.networkPolicy());
  }

  private static Map<String, Object> securityContext(Isolation.SecurityContext c) {
    Map<String, Object> fields = new LinkedHashMap<>();
    c.runAsNonRoot().ifPresent(v -> fields.put("runAsNonRoot", v));
    c.runAsUser().ifPresent(v -> fields.put("runAsUser", v));
    c.readOnlyRootFilesystem().ifPresent(v -> fields.put("readOnlyRootFilesystem", v));
    return fields;
  }

  /** The Kubernetes Secret holding the tenant's secrets, one key per secret name. */
  public String secretObject() {
    return "stagecraft-" + id;
  }
}
