package dev.stagecraft.runtime.export.tenant;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an export needs of a tenant of {@code tenants.yaml}: where its pods run and how they are
 * isolated. A stand-in, read by {@link TenantsFile}, for the tenants model of the pipeline server;
 * an export takes the tenant's secrets by name only, never their values.
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

  /** The Kubernetes Secret holding the tenant's secrets, one key per secret name. */
  public String secretObject() {
    return "stagecraft-" + id;
  }
}
