package dev.stagecraft.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.runtime.config.tenants.Tenants;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TenantsCommandTest {
  @TempDir Path logs;

  @Test
  void hashTokenPrintsTheSha256OfTheFirstLineOfStandardInput() throws Exception {
    // sha256("test") as printed by sha256sum
    assertEquals(
        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\n", hash("test\n").out());
  }

  @Test
  void hashTokenWithoutATokenIsBadInput() throws Exception {
    Cli.Result r = hash("");
    assertEquals(2, r.code());
    assertEquals(
        "error: no token on standard input: pipe one in, e.g. 'head -c 32 /dev/urandom | base64 |"
            + " tee token.txt | ./stagecraft tenants hash-token', or make one with '--generate'",
        r.lastErrLine());
  }

  @Test
  void hashTokenGeneratesARandomTokenAndItsHash() {
    Cli.Result first = Cli.run(Map.of(), "tenants", "hash-token", "--generate");
    Cli.Result second = Cli.run(Map.of(), "tenants", "hash-token", "--generate");
    assertEquals(0, first.code(), first.err());
    List<String> lines = List.of(first.out().split("\n"));
    assertEquals(2, lines.size(), first.out());
    String token = lines.get(0).substring("token: ".length());
    assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token);
    assertEquals("tokenSha256: " + Tenants.hashToken(token), lines.get(1));
    assertNotEquals(first.out(), second.out());
  }

  @Test
  void checkPrintsOneLinePerTenantAndAdmin() throws Exception {
    Path file = logs.resolve("tenants.yaml");
    Files.writeString(
        file,
        """
        tenants:
          - id: fraud
            tokenSha256: %s
            weight: 2
            permissions: {pipelines: [advanced-ml], gpu: false}
            quota: {cpu: "4", memory: 8Gi, gpu: 0, concurrentRuns: 2, policy: scale_down}
            secrets: [{name: DB_PASSWORD, fromEnv: FRAUD_DB_PASSWORD}]
          - id: ads
            tokenSha256: %s
        admins: [{id: ops, tokenSha256: %s}]
        """
            .formatted(Tenants.hashToken("a"), Tenants.hashToken("b"), Tenants.hashToken("c")));
    Cli.Result r = Cli.run(Map.of(), "tenants", "check", file.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(
        "fraud: weight 2, pipelines advanced-ml, gpu not allowed, quota cpu 4 memory 8Gi gpu 0"
            + " runs 2 (scale_down), 1 secret(s), namespace prefix fraud\n"
            + "ads: weight 1, pipelines *, gpu not allowed, quota none, 0 secret(s), namespace"
            + " prefix ads\n"
            + "ops: admin\n",
        r.out());
  }

  @Test
  void checkListsEveryProblemOfABadFileOnePerLine() throws Exception {
    Path file = logs.resolve("bad.yaml");
    Files.writeString(
        file,
        """
        tenants:
          - id: fraud
            tokenSha256: nothex
            quota:
              memory: 8Gb
              polcy: queue
        """);
    Cli.Result r = Cli.run(Map.of(), "tenants", "check", file.toString());
    assertEquals(2, r.code());
    assertEquals("", r.out());
    assertEquals(
        List.of(
            "error: "
                + file
                + ":3: tenants[0].tokenSha256: 'nothex' is not a SHA-256 in hex (64 characters"
                + " 0-9a-f); print one with './stagecraft tenants hash-token'",
            "error: "
                + file
                + ":5: tenants[0].quota.memory: memory \"8Gb\" is not a Kubernetes quantity (use"
                + " 8Gi or 8G)",
            "error: "
                + file
                + ":6: tenants[0].quota.polcy: unknown key 'polcy' (did you mean 'policy'?)"),
        r.errLines());
  }

  @Test
  void checkOfAMissingFileIsOneLine() {
    Cli.Result r = Cli.run(Map.of(), "tenants", "check", logs.resolve("none.yaml").toString());
    assertEquals(2, r.code());
    assertEquals(1, r.errLines().size(), r.err());
    assertTrue(r.err().startsWith("error: cannot read the tenants file "), r.err());
  }

  private Cli.Result hash(String stdin) throws Exception {
    Process p = Cli.start(logs, "hash", Map.of(), false, List.of(), "tenants", "hash-token");
    try (OutputStream in = p.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("hash-token did not end");
    }
    return new Cli.Result(
        p.exitValue(),
        Files.readString(logs.resolve("hash.out")),
        Files.readString(logs.resolve("hash.err")));
  }
}
