package dev.stagecraft.runtime.cli;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Runs the command line for the store tests: in this JVM, or as {@code stagecraft} in a child JVM
 * (another process), optionally as another user. When the tests run as root, "another user" is
 * {@code nobody} through {@code setpriv}, which cannot read root's files; otherwise it is this
 * user, for whom {@link #forbidWrite} takes the write permission away.
 */
final class Cli {
  private Cli() {}

  /** What a command printed and returned. */
  record Result(int code, String out, String err) {
    List<String> errLines() {
      return err.isEmpty() ? List.of() : List.of(err.split("\n"));
    }

    /** The last line on stderr (progress comes before it). */
    String lastErrLine() {
      List<String> lines = errLines();
      return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
  }

  /** Runs the command line in this JVM with {@code env}, not on a terminal. */
  static Result run(Map<String, String> env, String... args) {
    return run(env, false, args);
  }

  /** Runs the command line in this JVM with {@code env}; {@code terminal}: live progress. */
  static Result run(Map<String, String> env, boolean terminal, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        StagecraftCli.execute(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            env,
            terminal);
    return new Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Whether this JVM runs as root (permissions do not stop it). */
  static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /**
   * Starts {@code stagecraft ARGS} in a child JVM on this test's class path, with {@code env}
   * added, stdout and stderr to {@code logs/NAME.out} and {@code .err}.
   *
   * @param otherUser run as another user (see the class comment)
   * @param jvmOptions options for the child JVM, e.g. {@code -Djava.io.tmpdir=...}
   */
  static Process start(
      Path logs,
      String name,
      Map<String, String> env,
      boolean otherUser,
      List<String> jvmOptions,
      String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    String classPath = System.getProperty("java.class.path");
    if (otherUser && isRoot()) {
      command.addAll(
          List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"));
      classPath = readableClassPath(Files.createDirectories(logs.resolve("classpath")));
    }
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", classPath, StagecraftCli.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().putAll(env);
    pb.redirectOutput(logs.resolve(name + ".out").toFile());
    pb.redirectError(logs.resolve(name + ".err").toFile());
    pb.directory(logs.toFile());
    return pb.start();
  }

  /** Runs {@link #start} to its end (at most a minute) and returns what it printed. */
  static Result runChild(
      Path logs,
      String name,
      Map<String, String> env,
      boolean otherUser,
      List<String> jvmOptions,
      String... args)
      throws Exception {
    Process p = start(logs, name, env, otherUser, jvmOptions, args);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("stagecraft " + String.join(" ", args) + " did not end");
    }
    return new Result(
        p.exitValue(),
        Files.readString(logs.resolve(name + ".out")),
        Files.readString(logs.resolve(name + ".err")));
  }

  /**
   * The class path with every jar linked (or copied) into {@code dir}, which everyone can read:
   * root's Maven repository is closed to other users. Directories (the modules' classes) are read
   * where they are.
   */
  private static String readableClassPath(Path dir) throws IOException {
    openToEveryone(dir);
    List<String> entries = new ArrayList<>();
    int i = 0;
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(entry);
      if (Files.isRegularFile(p)) {
        Path link = dir.resolve((i++) + "-" + p.getFileName());
        if (!Files.exists(link)) {
          try {
            Files.createLink(link, p);
          } catch (IOException | UnsupportedOperationException otherFileSystem) {
            Files.copy(p, link);
          }
          Files.setPosixFilePermissions(link, PosixFilePermissions.fromString("rw-r--r--"));
        }
        entries.add(link.toString());
      } else {
        entries.add(entry);
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  /** Lets everyone enter {@code dir} and its parents up to the temporary directory. */
  static void openToEveryone(Path dir) throws IOException {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
    for (Path p = dir.toAbsolutePath();
        p != null && p.startsWith(tmp) && !p.equals(tmp);
        p = p.getParent()) {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  /** Lets the other user write {@code dir} and everything in it. */
  static void letWrite(Path dir) throws Exception {
    openToEveryone(dir);
    if (isRoot()) {
      exec("chown", "-R", "nobody:nogroup", dir.toString());
    }
  }

  /**
   * Keeps the other user from writing {@code path}: as root, files root made with the usual
   * permissions already do; otherwise the write permission is taken away.
   */
  static void forbidWrite(Path path) throws Exception {
    if (isRoot()) {
      exec("chown", "-R", "root:root", path.toString());
      exec("chmod", "-R", "go-w", path.toString());
    } else {
      exec("chmod", "-R", "a-w", path.toString());
    }
  }

  private static void exec(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new AssertionError(String.join(" ", command) + " failed: " + out);
    }
  }

  /** Polls {@code done} every 20 ms until it holds; fails after a minute. */
  static void await(String what, BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("gave up waiting for " + what);
      }
      Thread.sleep(20);
    }
  }
}
