package dev.stagecraft.runtime.cli;

import dev.stagecraft.annotations.syntax.Quantities;
import dev.stagecraft.runtime.UserInputException;
import dev.stagecraft.runtime.config.ConfigFiles;
import dev.stagecraft.runtime.config.tenants.Admin;
import dev.stagecraft.runtime.config.tenants.Quota;
import dev.stagecraft.runtime.config.tenants.Tenant;
import dev.stagecraft.runtime.config.tenants.Tenants;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code stagecraft tenants hash-token|check}: helpers for writing a tenants file. */
@Command(
    name = "tenants",
    mixinStandardHelpOptions = true,
    description = "Helpers for the tenants file of 'serve'.",
    subcommands = {TenantsCommand.HashToken.class, TenantsCommand.Check.class})
final class TenantsCommand {
  @ParentCommand StagecraftCli cli;

  /**
   * {@code stagecraft tenants hash-token}: reads a token from the first line of standard input (so
   * it stays out of the shell's history and the process list) and prints its SHA-256 in hex, the
   * {@code tokenSha256} of a tenants file; with {@code --generate} it makes the token itself.
   *
   * <p>A plain SHA-256 is enough, and a slow password hash would only slow every request down: the
   * tokens are not passwords a person chose but 256 random bits, so no dictionary or brute-force
   * search over the hash can find one, and the file never holds anything that authenticates by
   * itself.
   */
  @Command(
      name = "hash-token",
      mixinStandardHelpOptions = true,
      description =
          "Print the SHA-256 (hex) of a token read from standard input, for tokenSha256 in a"
              + " tenants file.")
  static final class HashToken implements Callable<Integer> {
    /** Random bytes in a generated token: 256 bits. */
    static final int TOKEN_BYTES = 32;

    @ParentCommand TenantsCommand tenants;

    @Option(
        names = "--generate",
        description =
            "Make a new random token (256 bits, base64url) instead of reading one; prints"
                + " 'token: ...' and 'tokenSha256: ...'.")
    boolean generate;

    @Override
    public Integer call() throws IOException {
      if (generate) {
        byte[] random = new byte[TOKEN_BYTES];
        new SecureRandom().nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        tenants.cli.out.println("token: " + token);
        tenants.cli.out.println("tokenSha256: " + Tenants.hashToken(token));
        return 0;
      }
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String token = in.readLine();
      if (token == null || token.isBlank()) {
        throw new UserInputException(
            "no token on standard input: pipe one in, e.g. 'head -c 32 /dev/urandom | base64 |"
                + " tee token.txt | ./stagecraft tenants hash-token', or make one with"
                + " '--generate'");
      }
      tenants.cli.out.println(Tenants.hashToken(token));
      return 0;
    }
  }

  /**
   * {@code stagecraft tenants check FILE}: reads a tenants file and prints one line per tenant and
   * admin; a bad file gets every problem, one per line, and exit code 2.
   */
  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description = "Check a tenants file and print one line per tenant and admin.")
  static final class Check implements Callable<Integer> {
    @ParentCommand TenantsCommand tenants;

    @Parameters(paramLabel = "FILE", description = "The tenants file (tenants.yaml).")
    Path file;

    @Override
    public Integer call() {
      Tenants read = ConfigFiles.tenants(file);
      read.tenants().forEach(t -> tenants.cli.out.println(summary(t)));
      read.admins().forEach(a -> tenants.cli.out.println(summary(a)));
      return 0;
    }

    static String summary(Tenant t) {
      return t.id()
          + ": weight "
          + t.weight()
          + ", pipelines "
          + String.join(",", t.permissions().pipelines())
          + ", gpu "
          + (t.permissions().gpu() ? "allowed" : "not allowed")
          + ", quota "
          + quota(t.quota())
          + ", "
          + t.secrets().size()
          + " secret(s), namespace prefix "
          + t.isolation().namespacePrefix();
    }

    static String summary(Admin a) {
      return a.id() + ": admin";
    }

    private static String quota(Quota q) {
      if (q.equals(Quota.UNLIMITED)) {
        return "none";
      }
      return "cpu "
          + (q.cpuMillis() == Long.MAX_VALUE ? "any" : Quantities.formatCpu(q.cpuMillis()))
          + " memory "
          + (q.memoryBytes() == Long.MAX_VALUE ? "any" : Quantities.formatBytes(q.memoryBytes()))
          + " gpu "
          + (q.gpu() == Integer.MAX_VALUE ? "any" : String.valueOf(q.gpu()))
          + " runs "
          + (q.concurrentRuns() == Integer.MAX_VALUE ? "any" : String.valueOf(q.concurrentRuns()))
          + " ("
          + q.policy().yamlName()
          + ")";
    }
  }
}
