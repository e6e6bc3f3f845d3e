package dev.stagecraft.examples.server;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's headless Chromium driven through the DevTools protocol: JSON commands over a WebSocket
 * (the JDK's own client), enough to open a page, type, evaluate JavaScript and wait for a
 * condition. Without {@code /usr/bin/chromium} the calling test is skipped, unless {@code
 * STAGECRAFT_REQUIRE_CHROMIUM=1} (as CI sets) makes it fail.
 */
final class DevTools implements AutoCloseable {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Pattern LISTENING =
      Pattern.compile("DevTools listening on (ws://127\\.0\\.0\\.1:(\\d+)/\\S+)");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final Path log;
  private final String http;
  private final HttpClient client = HttpClient.newHttpClient();

  private DevTools(Process process, Path log, String http) {
    this.process = process;
    this.log = log;
    this.http = http;
  }

  /** Skips the calling test without Chromium, or fails it when CI requires Chromium. */
  static void requireChromium() {
    if (!Files.isExecutable(CHROMIUM)) {
      if ("1".equals(System.getenv("STAGECRAFT_REQUIRE_CHROMIUM"))) {
        fail(
            "STAGECRAFT_REQUIRE_CHROMIUM=1 but "
                + CHROMIUM
                + " is missing; install it with: apt-get install -y chromium");
      }
      assumeTrue(false, CHROMIUM + " is missing; the browser check is skipped");
    }
  }

  /**
   * Starts headless Chromium with a fresh profile and temporary files in {@code dir}, and waits
   * until it listens.
   */
  static DevTools launch(Path dir) throws IOException, InterruptedException {
    Path profile = Files.createDirectories(dir.resolve("profile"));
    Path log = dir.resolve("chromium.log");
    ProcessBuilder pb =
        new ProcessBuilder(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--remote-debugging-port=0",
                "--user-data-dir=" + profile,
                "about:blank")
            .redirectOutput(dir.resolve("chromium.out").toFile())
            .redirectError(log.toFile());
    // its singleton socket and lock go under dir, not into the machine's /tmp
    pb.environment().put("TMPDIR", dir.toString());
    Process p = pb.start();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      Matcher m = LISTENING.matcher(Files.readString(log));
      if (m.find()) {
        return new DevTools(p, log, "http://127.0.0.1:" + m.group(2));
      }
      if (!p.isAlive()) {
        throw new IllegalStateException(
            "chromium exited with " + p.exitValue() + ": " + Files.readString(log));
      }
      p.waitFor(50, TimeUnit.MILLISECONDS);
    }
    p.destroyForcibly();
    throw new IllegalStateException("chromium did not listen within " + START_TIMEOUT);
  }

  /** A page target: its id, where it is, and the WebSocket that drives it. */
  record Target(String id, String url, String webSocket) {}

  /** Opens a new tab (its own session storage) at {@code url} and connects to it. */
  Page open(String url) throws IOException, InterruptedException {
    String encoded = URLEncoder.encode(url, StandardCharsets.UTF_8);
    HttpResponse<String> r =
        client.send(
            HttpRequest.newBuilder(URI.create(http + "/json/new?" + encoded))
                .PUT(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode t = JSON.readTree(r.body());
    return connect(
        new Target(
            t.path("id").asText(),
            t.path("url").asText(),
            t.path("webSocketDebuggerUrl").asText()));
  }

  /** Every open page. */
  List<Target> pages() throws IOException, InterruptedException {
    HttpResponse<String> r =
        client.send(
            HttpRequest.newBuilder(URI.create(http + "/json/list")).build(),
            HttpResponse.BodyHandlers.ofString());
    List<Target> pages = new ArrayList<>();
    for (JsonNode t : JSON.readTree(r.body())) {
      if (t.path("type").asText().equals("page")) {
        pages.add(
            new Target(
                t.path("id").asText(),
                t.path("url").asText(),
                t.path("webSocketDebuggerUrl").asText()));
      }
    }
    return pages;
  }

  /** Waits until a page whose URL starts with {@code prefix} is open, and returns it. */
  Target awaitPage(String prefix, Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<Target> found = pages().stream().filter(t -> t.url().startsWith(prefix)).findFirst();
      if (found.isPresent()) {
        return found.get();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no page at " + prefix + "… within " + timeout + ": " + pages());
  }

  /** Connects to a page. */
  Page connect(Target target) throws InterruptedException {
    Page page = new Page(target);
    page.webSocket =
        join(client.newWebSocketBuilder().buildAsync(URI.create(target.webSocket()), page));
    return page;
  }

  /** A session with one page: commands, JavaScript, waiting. */
  final class Page implements WebSocket.Listener, AutoCloseable {
    private final Target target;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final StringBuilder frame = new StringBuilder();
    private WebSocket webSocket;

    private Page(Target target) {
      this.target = target;
    }

    /** Sends a command and returns its {@code result}; a protocol error fails the test. */
    JsonNode send(String method, ObjectNode params) throws InterruptedException {
      int id = ids.incrementAndGet();
      CompletableFuture<JsonNode> answer = new CompletableFuture<>();
      pending.put(id, answer);
      ObjectNode message = JSON.createObjectNode();
      message.put("id", id);
      message.put("method", method);
      message.set("params", params);
      join(webSocket.sendText(message.toString(), true));
      JsonNode reply = join(answer);
      if (reply.has("error")) {
        throw new AssertionError(method + " failed: " + reply.get("error"));
      }
      return reply.path("result");
    }

    /**
     * Evaluates {@code js} in the page, as a user gesture, awaiting a promise; returns its value as
     * JSON. A JavaScript exception fails the test with its text.
     */
    JsonNode evaluate(String js) throws InterruptedException {
      ObjectNode params = JSON.createObjectNode();
      params.put("expression", js);
      params.put("awaitPromise", true);
      params.put("returnByValue", true);
      params.put("userGesture", true);
      JsonNode result = send("Runtime.evaluate", params);
      if (result.has("exceptionDetails")) {
        JsonNode e = result.get("exceptionDetails");
        throw new AssertionError(
            "JavaScript failed: "
                + e.path("exception").path("description").asText(e.path("text").asText())
                + "\n  in: "
                + js);
      }
      return result.path("result").path("value");
    }

    /** Evaluates {@code js} as text. */
    String text(String js) throws InterruptedException {
      return evaluate(js).asText();
    }

    /**
     * Evaluates {@code condition} until it is {@code true} (polling, at most {@code timeout}); on
     * timeout fails with {@code what} and the page's text.
     */
    void waitFor(String what, String condition, Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        if (evaluate(condition).asBoolean(false)) {
          return;
        }
        Thread.sleep(50);
      }
      throw new AssertionError(
          "the page did not show "
              + what
              + " within "
              + timeout
              + "; it shows:\n"
              + text("document.body.innerText"));
    }

    /** Types {@code text} into the element with id {@code id}, as a keyboard would. */
    void type(String id, String text) throws InterruptedException {
      evaluate("document.getElementById(" + JSON.valueToTree(id) + ").focus()");
      ObjectNode params = JSON.createObjectNode();
      params.put("text", text);
      send("Input.insertText", params);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      frame.append(data);
      if (last) {
        try {
          JsonNode message = JSON.readTree(frame.toString());
          CompletableFuture<JsonNode> answer =
              message.has("id") ? pending.remove(message.get("id").asInt()) : null;
          if (answer != null) {
            answer.complete(message);
          }
        } catch (IOException e) {
          pending.values().forEach(f -> f.completeExceptionally(e));
        } finally {
          frame.setLength(0);
        }
      }
      ws.request(1);
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      pending.values().forEach(f -> f.completeExceptionally(error));
    }

    /** Closes the tab. */
    @Override
    public void close() throws IOException, InterruptedException {
      webSocket.abort();
      client.send(
          HttpRequest.newBuilder(URI.create(http + "/json/close/" + target.id())).build(),
          HttpResponse.BodyHandlers.discarding());
    }
  }

  private <T> T join(CompletableFuture<T> future) throws InterruptedException {
    try {
      return future.get(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("DevTools: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("DevTools did not answer within " + COMMAND_TIMEOUT + tail());
    }
  }

  private String tail() {
    try {
      String text = Files.readString(log);
      return "; chromium said: " + text.substring(Math.max(0, text.length() - 2000));
    } catch (IOException e) {
      return "";
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
