package dev.stagecraft.examples;

import dev.stagecraft.runtime.cli.StagecraftCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * One command of the real CLI run in this JVM, as the examples' tests call it: its exit code and
 * what it printed on standard output and standard error.
 */
public record CliRun(int code, String out, String err) {
  /** Runs {@code args} with {@code env} as the environment and no terminal. */
  public static CliRun of(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        StagecraftCli.execute(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            env,
            false);
    return new CliRun(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Runs {@code args} on the store {@code home} ({@code STAGECRAFT_HOME}). */
  public static CliRun in(Path home, String... args) {
    return of(Map.of("STAGECRAFT_HOME", home.toString()), args);
  }
}
