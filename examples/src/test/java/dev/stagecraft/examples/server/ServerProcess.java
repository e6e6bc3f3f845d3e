package dev.stagecraft.examples.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stagecraft.runtime.cli.StagecraftCli;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real {@code stagecraft serve} in a child JVM on a free loopback port, and a real HTTP client to
 * talk to it: what the server tests, the page test and the benchmarks start.
 */
public final class ServerProcess implements AutoCloseable {
  private static final Pattern LISTENING =
      Pattern.compile("listening on (http://127\\.0\\.0\\.1:(\\d+))");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final Path out;
  private final Path err;
  private final String url;
  private final HttpClient http = HttpClient.newHttpClient();

  private ServerProcess(Process process, Path out, Path err, String url) {
    this.process = process;
    this.out = out;
    this.err = err;
    this.url = url;
  }

  /**
   * Starts {@code serve --port 0 --store STORE ARGS} with the CLI's class path (every example
   * pipeline and the test pipelines), its output in {@code logs/NAME.out|err}, and waits until it
   * listens.
   */
  public static ServerProcess start(Path store, Path logs, String name, String... args)
      throws IOException, InterruptedException {
    return start(store, logs, name, Map.of(), args);
  }

  /** As {@link #start(Path, Path, String, String...)}, with extra environment variables. */
  public static ServerProcess start(
      Path store, Path logs, String name, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    return start(store, logs, name, List.of("-Xmx768m"), env, args);
  }

  /**
   * As {@link #start(Path, Path, String, String...)}, with the child JVM's options (its heap, say)
   * and extra environment variables.
   */
  public static ServerProcess start(
      Path store,
      Path logs,
      String name,
      List<String> jvmOptions,
      Map<String, String> env,
      String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(
        List.of(
            "-cp",
            absoluteClassPath(),
            StagecraftCli.class.getName(),
            "serve",
            "--port",
            "0",
            "--store",
            store.toString()));
    command.addAll(List.of(args));
    Files.createDirectories(logs);
    Path out = logs.resolve(name + ".out");
    Path err = logs.resolve(name + ".err");
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().putAll(env);
    pb.directory(logs.toFile());
    pb.redirectOutput(out.toFile());
    pb.redirectError(err.toFile());
    Process p = pb.start();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      Matcher m = LISTENING.matcher(Files.readString(out));
      if (m.find()) {
        return new ServerProcess(p, out, err, m.group(1));
      }
      if (!p.isAlive()) {
        throw new IllegalStateException(
            "serve exited with " + p.exitValue() + ": " + Files.readString(err));
      }
      p.waitFor(50, TimeUnit.MILLISECONDS);
    }
    p.destroyForcibly();
    throw new IllegalStateException("serve did not listen within " + START_TIMEOUT);
  }

  /** This JVM's class path with every entry absolute: the child runs in another directory. */
  private static String absoluteClassPath() {
    List<String> entries = new ArrayList<>();
    for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      entries.add(Path.of(e).toAbsolutePath().toString());
    }
    return String.join(java.io.File.pathSeparator, entries);
  }

  /** {@code http://127.0.0.1:PORT}. */
  public String url() {
    return url;
  }

  /** The child process. */
  public Process process() {
    return process;
  }

  /** What it printed on standard output. */
  public String out() throws IOException {
    return Files.readString(out);
  }

  /** What it printed on standard error. */
  public String err() throws IOException {
    return Files.readString(err);
  }

  /** An answer: its status and body. */
  public record Answer(int status, String body) {
    /** The body as JSON. */
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("not JSON: " + body, e);
      }
    }
  }

  /** {@code GET path} with the token (none when null). */
  public Answer get(String path, String token) throws IOException, InterruptedException {
    return send("GET", path, token, null);
  }

  /** {@code POST path} with the token (none when null) and a JSON body (none when null). */
  public Answer post(String path, String token, String body)
      throws IOException, InterruptedException {
    return send("POST", path, token, body);
  }

  /** Sends a request as any client would. */
  public Answer send(String method, String path, String token, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(60));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      b.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(r.statusCode(), r.body());
  }

  /**
   * Reads {@code GET /api/v1/runs/ID} until {@code done} holds for its document (polling, at most
   * {@code timeout}); returns the last document.
   */
  public JsonNode awaitRun(String token, String runId, Predicate<JsonNode> done, Duration timeout)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    JsonNode doc = null;
    while (System.nanoTime() < deadline) {
      Answer a = get("/api/v1/runs/" + runId, token);
      if (a.status() == 200) {
        doc = a.json();
        if (done.test(doc)) {
          return doc;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("run " + runId + " did not get there in " + timeout + ": " + doc);
  }

  /** Whether a run document's status is final. */
  public static boolean ended(JsonNode run) {
    return List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(run.path("status").asText());
  }

  /** The peak resident memory of the server process so far ({@code VmHWM}), in bytes. */
  public long peakRssBytes() throws IOException {
    for (String line :
        Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    throw new IOException("no VmHWM in /proc/" + process.pid() + "/status");
  }

  /** Kills the server at once ({@code kill -9}), as a crash would. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(20, TimeUnit.SECONDS);
    }
  }
}
