package dev.stagecraft.runtime.config.tenants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.annotations.StageType;
import dev.stagecraft.runtime.config.ConfigFiles;
import dev.stagecraft.runtime.plan.ConfigException;
import dev.stagecraft.runtime.plan.QuotaPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TenantsFileTest {
  private static final String FRAUD = Tenants.hashToken("fraud-token");
  private static final String OPS = Tenants.hashToken("ops-token");

  private static final String FULL =
      """
      tenants:
        - id: fraud
          tokenSha256: %s
          weight: 2
          permissions:
            pipelines: [advanced-ml]
            stageTypes: [INGESTION, TRAINING]
            gpu: false
            deploymentTargets: [staging]
          quota: {cpu: "4", memory: 8Gi, gpu: 0, concurrentRuns: 2, policy: scale_down}
          resourceDefaults: {cpu: 500m, memory: 1Gi}
          environment: {FEATURE_STORE: "http://features.fraud.svc"}
          secrets: [{name: DB_PASSWORD, fromEnv: FRAUD_DB_PASSWORD}, {name: KEY, fromFile: /run/k}]
          configMaps: [fraud-config]
          isolation:
            namespacePrefix: fraud-ns
            networkPolicy: deny-egress
            securityContext: {runAsNonRoot: true, runAsUser: 1000, readOnlyRootFilesystem: true}
            labels: {team: fraud, cost-center: cc-42}
        - id: ads
          tokenSha256: %s
      admins: [{id: ops, tokenSha256: %s}]
      """
          .formatted(FRAUD, Tenants.hashToken("ads-token"), OPS);

  @Test
  void readsEveryKey() {
    Tenants tenants = ConfigFiles.tenants(FULL, "tenants.yaml");
    Tenant fraud = tenants.tenant("fraud").orElseThrow();
    assertEquals(2, fraud.weight());
    assertEquals(List.of("advanced-ml"), fraud.permissions().pipelines());
    assertEquals(Set.of(StageType.INGESTION, StageType.TRAINING), fraud.permissions().stageTypes());
    assertFalse(fraud.permissions().gpu());
    assertEquals(List.of("staging"), fraud.permissions().deploymentTargets());
    assertEquals(new Quota(4000, 8L << 30, 0, 2, QuotaPolicy.SCALE_DOWN), fraud.quota());
    assertEquals(500, fraud.resourceDefaults().cpuMillis().getAsLong());
    assertEquals(1L << 30, fraud.resourceDefaults().memoryBytes().getAsLong());
    assertEquals(Map.of("FEATURE_STORE", "http://features.fraud.svc"), fraud.environment());
    assertEquals(
        List.of(
            new SecretRef.FromEnv("DB_PASSWORD", "FRAUD_DB_PASSWORD"),
            new SecretRef.FromFile("KEY", Path.of("/run/k"))),
        fraud.secrets());
    assertEquals(List.of("fraud-config"), fraud.configMaps());
    assertEquals("fraud-ns", fraud.isolation().namespacePrefix());
    assertEquals(Optional.of("deny-egress"), fraud.isolation().networkPolicy());
    assertEquals(1000, fraud.isolation().securityContext().runAsUser().getAsLong());
    assertEquals(Optional.of(true), fraud.isolation().securityContext().runAsNonRoot());
    assertEquals(Map.of("team", "fraud", "cost-center", "cc-42"), fraud.isolation().labels());

    Tenant ads = tenants.tenant("ads").orElseThrow();
    assertEquals(1, ads.weight());
    assertTrue(ads.permissions().allowsPipeline("anything"));
    assertEquals(Set.of(StageType.values()), ads.permissions().stageTypes());
    assertEquals(Quota.UNLIMITED, ads.quota());
    assertEquals("ads", ads.isolation().namespacePrefix());
  }

  @Test
  void authenticatesByTokenHash() {
    Tenants tenants = ConfigFiles.tenants(FULL, "tenants.yaml");
    assertEquals("fraud", tenants.authenticate("fraud-token").orElseThrow().id());
    assertTrue(tenants.authenticate("ops-token").orElseThrow() instanceof Admin);
    assertEquals(Optional.empty(), tenants.authenticate("fraud-token "));
  }

  @Test
  void listsEveryProblemAtOnceWithLineKeyAndSuggestion() {
    String bad =
        """
        tenants:
          - id: fraud
            tokenSha256: abc
            wieght: 2
            permissions:
              stageTypes: [TRAINNG]
            quota: {cpu: "-1", policy: scaledown}
            secrets: [{name: X}]
          - tokenSha256: %s
        """
            .formatted(FRAUD);
    ConfigException e =
        assertThrows(ConfigException.class, () -> ConfigFiles.tenants(bad, "tenants.yaml"));
    assertEquals(
        List.of(
            "tenants.yaml:3: tenants[0].tokenSha256: 'abc' is not a SHA-256 in hex (64 characters"
                + " 0-9a-f); print one with './stagecraft tenants hash-token'",
            "tenants.yaml:4: tenants[0].wieght: unknown key 'wieght' (did you mean 'weight'?)",
            "tenants.yaml:6: tenants[0].permissions.stageTypes[0]: unknown stage type 'TRAINNG'"
                + " (did you mean 'TRAINING'?)",
            "tenants.yaml:7: tenants[0].quota.cpu: cpu \"-1\" must be positive",
            "tenants.yaml:7: tenants[0].quota.policy: unknown policy 'scaledown' (did you mean"
                + " 'scale_down'?)",
            "tenants.yaml:8: tenants[0].secrets[0]: give exactly one of 'fromEnv' and 'fromFile'",
            "tenants.yaml:9: tenants[1]: missing 'id'"),
        e.problems());
  }

  @Test
  void refusesTwoEntriesWithOneTokenOrOneId() {
    String twice =
        """
        tenants:
          - {id: a, tokenSha256: %s}
          - {id: b, tokenSha256: %s}
        admins:
          - {id: a, tokenSha256: %s}
        """
            .formatted(FRAUD, FRAUD, OPS);
    ConfigException e =
        assertThrows(ConfigException.class, () -> ConfigFiles.tenants(twice, "t.yaml"));
    assertEquals(
        List.of(
            "t.yaml:3: tenants[1].tokenSha256: the same tokenSha256 as 'a': give every tenant and"
                + " admin its own token",
            "t.yaml:5: admins[0].id: id 'a' is used twice: give each tenant and admin its own"),
        e.problems());
  }

  @Test
  void refusesCountsThatAreNotWholeNumbersInRange() {
    String yaml =
        """
        tenants:
          - id: a
            tokenSha256: %s
            weight: 0
            quota: {concurrentRuns: 99999999999, gpu: two}
        """
            .formatted(FRAUD);
    ConfigException e =
        assertThrows(ConfigException.class, () -> ConfigFiles.tenants(yaml, "t.yaml"));
    assertEquals(
        List.of(
            "t.yaml:4: tenants[0].weight: '0' is not a whole number from 1 to 2147483647",
            "t.yaml:5: tenants[0].quota.gpu: 'two' is not a whole number from 0 to 2147483647",
            "t.yaml:5: tenants[0].quota.concurrentRuns: '99999999999' is not a whole number from 1"
                + " to 2147483647"),
        e.problems());
  }

  @Test
  void refusesASecretNamedTwice() {
    String yaml =
        """
        tenants:
          - id: a
            tokenSha256: %s
            secrets:
              - {name: DB, fromEnv: A_DB}
              - {name: DB, fromFile: /run/db}
        """
            .formatted(FRAUD);
    ConfigException e =
        assertThrows(ConfigException.class, () -> ConfigFiles.tenants(yaml, "t.yaml"));
    assertEquals(
        List.of(
            "t.yaml:6: tenants[0].secrets[1]: secret 'DB' is named twice: give each secret its own"
                + " name"),
        e.problems());
  }

  @Test
  void refusesAnUnknownDeploymentTarget() {
    String yaml =
        """
        tenants:
          - id: a
            tokenSha256: %s
            permissions: {deploymentTargets: [staging, prodution]}
        """
            .formatted(FRAUD);
    ConfigException e =
        assertThrows(ConfigException.class, () -> ConfigFiles.tenants(yaml, "t.yaml"));
    assertEquals(
        List.of(
            "t.yaml:4: tenants[0].permissions.deploymentTargets[1]: unknown deployment target"
                + " 'prodution' (did you mean 'production'?)"),
        e.problems());
  }

  @Test
  void refusesANamespaceKubernetesCannotNameAndAnUnknownNetworkPolicy() {
    String bad =
        """
        tenants:
          - id: fraud
            tokenSha256: %s
            isolation:
              namespacePrefix: Fraud_ML
              networkPolicy: deny-egres
        """
            .formatted(FRAUD);
    ConfigException e =
        assertThrows(ConfigException.class, () -> ConfigFiles.tenants(bad, "t.yaml"));
    assertEquals(
        List.of(
            "t.yaml:5: tenants[0].isolation.namespacePrefix: namespacePrefix 'Fraud_ML' is not a"
                + " Kubernetes namespace name: at most 63 lower-case letters, digits and '-',"
                + " starting and ending with a letter or digit",
            "t.yaml:6: tenants[0].isolation.networkPolicy: unknown networkPolicy 'deny-egres'"
                + " (did you mean 'deny-egress'?); leave it out for none"),
        e.problems());
  }
}
