package dev.stagecraft.runtime.cli;

import dev.stagecraft.runtime.UserInputException;
import dev.stagecraft.runtime.config.tenants.Tenants;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code stagecraft tenants hash-token}: helpers for writing a tenants file. */
@Command(
    name = "tenants",
    mixinStandardHelpOptions = true,
    description = "Helpers for the tenants file of 'serve'.",
    subcommands = TenantsCommand.HashToken.class)
final class TenantsCommand {
  @ParentCommand StagecraftCli cli;

  /**
   * {@code stagecraft tenants hash-token}: reads a token from the first line of standard input (so
   * it stays out of the shell's history and the process list) and prints its SHA-256 in hex, the
   * {@code tokenSha256} of a tenants file.
   */
  @Command(
      name = "hash-token",
      mixinStandardHelpOptions = true,
      description =
          "Print the SHA-256 (hex) of a token read from standard input, for tokenSha256 in a"
              + " tenants file.")
  static final class HashToken implements Callable<Integer> {
    @ParentCommand TenantsCommand tenants;

    @Override
    public Integer call() throws IOException {
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String token = in.readLine();
      if (token == null || token.isBlank()) {
        throw new UserInputException(
            "no token on standard input: pipe one in, e.g. 'head -c 32 /dev/urandom | base64 |"
                + " tee token.txt | ./stagecraft tenants hash-token'");
      }
      tenants.cli.out.println(Tenants.hashToken(token));
      return 0;
    }
  }
}
