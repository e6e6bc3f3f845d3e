package dev.stagecraft.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
            + " tee token.txt | ./stagecraft tenants hash-token'",
        r.lastErrLine());
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
