package dev.stagecraft.runtime.config.tenants;

import dev.stagecraft.runtime.engine.SecretSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A tenant's secrets as a run reads them: {@code fromEnv} from the server process's environment
 * (given, not read from {@code System.getenv}, so that tests and embedders decide), {@code
 * fromFile} from the file, each when a stage first asks for it. Errors name the secret and where it
 * was to come from, never a value.
 *
 * <pre>{@code
 * RunTenancy tenancy = new RunTenancy(t.id(), t.environment(),
 *     TenantSecrets.of(t, System.getenv()), Optional.of(Set.copyOf(t.permissions().deploymentTargets())));
 * }</pre>
 */
public final class TenantSecrets implements SecretSource {
  private final String tenant;
  private final Map<String, SecretRef> refs = new LinkedHashMap<>();
  private final Map<String, String> processEnvironment;

  private TenantSecrets(Tenant tenant, Map<String, String> processEnvironment) {
    this.tenant = tenant.id();
    tenant.secrets().forEach(r -> refs.put(r.name(), r));
    this.processEnvironment = Map.copyOf(processEnvironment);
  }

  /** The tenant's secrets, {@code fromEnv} ones read from {@code processEnvironment}. */
  public static TenantSecrets of(Tenant tenant, Map<String, String> processEnvironment) {
    return new TenantSecrets(tenant, processEnvironment);
  }

  @Override
  public Set<String> names() {
    return refs.keySet();
  }

  @Override
  public String value(String name) {
    SecretRef ref = refs.get(name);
    if (ref == null) {
      throw new IllegalArgumentException("tenant '" + tenant + "' has no secret '" + name + "'");
    }
    if (ref instanceof SecretRef.FromEnv env) {
      String v = processEnvironment.get(env.variable());
      if (v == null) {
        throw new IllegalStateException(
            "secret '"
                + name
                + "' of tenant '"
                + tenant
                + "' comes from the server's environment variable "
                + env.variable()
                + ", which is not set: set it where the server starts");
      }
      return v;
    }
    SecretRef.FromFile file = (SecretRef.FromFile) ref;
    try {
      return Files.readString(file.file(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new IllegalStateException(
          "secret '"
              + name
              + "' of tenant '"
              + tenant
              + "' comes from the file "
              + file.file()
              + ", which cannot be read ("
              + e.getClass().getSimpleName()
              + "): mount or create it where the server runs");
    }
  }
}
