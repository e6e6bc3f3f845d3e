package dev.stagecraft.runtime.config.tenants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.stagecraft.runtime.config.ConfigFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TenantSecretsTest {
  @TempDir Path dir;

  private Tenant tenant(Path secretFile) {
    String yaml =
        """
        tenants:
          - id: fraud
            tokenSha256: %s
            secrets:
              - {name: DB_PASSWORD, fromEnv: FRAUD_DB_PASSWORD}
              - {name: API_KEY, fromFile: %s}
        """
            .formatted(Tenants.hashToken("t"), secretFile);
    return ConfigFiles.tenants(yaml, "tenants.yaml").tenant("fraud").orElseThrow();
  }

  @Test
  void fromEnvReadsTheGivenEnvironmentAndFromFileTheFileWhenAsked() throws Exception {
    Path file = Files.writeString(dir.resolve("api-key"), "key-123\n");
    TenantSecrets secrets =
        TenantSecrets.of(tenant(file), Map.of("FRAUD_DB_PASSWORD", "pw-1", "OTHER", "x"));
    assertEquals(Set.of("DB_PASSWORD", "API_KEY"), secrets.names());
    assertEquals("pw-1", secrets.value("DB_PASSWORD"));
    assertEquals("key-123", secrets.value("API_KEY"));
  }

  @Test
  void aSecretThatCannotBeReadSaysWhereItWasToComeFromAndNoValue() {
    TenantSecrets secrets = TenantSecrets.of(tenant(dir.resolve("missing")), Map.of());
    IllegalStateException env =
        assertThrows(IllegalStateException.class, () -> secrets.value("DB_PASSWORD"));
    assertEquals(
        "secret 'DB_PASSWORD' of tenant 'fraud' comes from the server's environment variable"
            + " FRAUD_DB_PASSWORD, which is not set: set it where the server starts",
        env.getMessage());
    IllegalStateException file =
        assertThrows(IllegalStateException.class, () -> secrets.value("API_KEY"));
    assertEquals(
        "secret 'API_KEY' of tenant 'fraud' comes from the file "
            + dir.resolve("missing")
            + ", which cannot be read (NoSuchFileException): mount or create it where the server"
            + " runs",
        file.getMessage());
    assertThrows(IllegalArgumentException.class, () -> secrets.value("NOPE"));
    assertFalse(secrets.names().contains("NOPE"));
  }
}
