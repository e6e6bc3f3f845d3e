package dev.stagecraft.runtime.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stagecraft.runtime.store.history.HistoryJson;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code stagecraft submit PIPELINE --server URL --token T [-p name=value]... [--profile
 * fact=value]... [--profile-file F] [--environment E] [--wait] [--json]}: submits a run to a
 * pipeline server. Without {@code --wait} it prints the run's id, status and estimated completion
 * and exits 0; with {@code --wait} it follows the run to its end and exits like {@code run} (0
 * succeeded, 1 failed or cancelled). The server's refusals are one line and exit 2.
 */
@Command(
    name = "submit",
    mixinStandardHelpOptions = true,
    description =
        "Submit a run to a pipeline server (stagecraft serve). Stopping a --wait does not cancel"
            + " the run: it goes on on the server.")
final class SubmitCommand implements Callable<Integer> {
  /** The server when {@code --server} is not given. */
  static final String SERVER_ENV = "STAGECRAFT_SERVER";

  /** The token when {@code --token} is not given. */
  static final String TOKEN_ENV = "STAGECRAFT_TOKEN";

  private static final Set<String> FINAL =
      Set.of("SUCCEEDED", "FAILED", "CANCELLED", "INTERRUPTED");

  @ParentCommand StagecraftCli cli;

  @Parameters(index = "0", paramLabel = "PIPELINE", description = "The pipeline's name.")
  String pipeline;

  @Option(
      names = "--server",
      paramLabel = "URL",
      description = "The server (default: $STAGECRAFT_SERVER, else http://127.0.0.1:8080).")
  String server;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      description = "Your tenant's token (default: $STAGECRAFT_TOKEN).")
  String token;

  @Option(names = "-p", paramLabel = "name=value", description = "A pipeline parameter.")
  List<String> params = new ArrayList<>();

  @Mixin ProfileOptions profile = new ProfileOptions();

  @Option(
      names = "--environment",
      paramLabel = "NAME",
      description = "The environment of the server's template for this pipeline.")
  String environment;

  @Option(names = "--wait", description = "Follow the run to its end; exit like 'run'.")
  boolean await;

  @Option(names = "--json", description = "Print the server's answer (with --wait: the run).")
  boolean json;

  private final ObjectMapper mapper = HistoryJson.JSON;

  @Override
  public Integer call() throws InterruptedException {
    String base = baseUrl();
    String bearer = token != null ? token : cli.env.get(TOKEN_ENV);
    if (bearer == null || bearer.isBlank()) {
      throw new UsageException(
          "no token: pass --token TOKEN or set " + TOKEN_ENV + " (your tenant's token)");
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    JsonNode accepted = send(http, base, bearer, "POST", "/api/v1/runs", request().toString());
    String runId = accepted.path("runId").asText();
    if (!await) {
      if (json) {
        cli.out.println(accepted);
      } else {
        cli.out.println(
            "run "
                + runId
                + " of '"
                + pipeline
                + "' accepted for tenant "
                + accepted.path("tenant").asText()
                + ": "
                + accepted.path("status").asText()
                + ", estimated completion "
                + accepted.path("estimatedCompletion").asText());
        cli.out.println(
            "follow it on the page "
                + base
                + "/ or with: curl -H 'Authorization: Bearer $"
                + TOKEN_ENV
                + "' "
                + base
                + "/api/v1/runs/"
                + runId);
      }
      return 0;
    }
    if (!json) {
      cli.err.println(
          "run " + runId + " of '" + pipeline + "' accepted: " + accepted.path("status").asText());
    }
    JsonNode run = follow(http, base, bearer, runId);
    if (json) {
      cli.out.println(run);
    } else {
      printTable(run);
    }
    return run.path("status").asText().equals("SUCCEEDED") ? 0 : StagecraftCli.RUN_FAILED;
  }

  private String baseUrl() {
    String given = server != null ? server : cli.env.get(SERVER_ENV);
    String source = server != null ? "--server" : "$" + SERVER_ENV;
    String url = given != null ? given : "http://127.0.0.1:8080";
    url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    URI uri = null;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      // not a URL at all: said below as for a URL without a scheme
    }
    if (uri == null
        || uri.getScheme() == null
        || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
        || uri.getHost() == null) {
      throw new UsageException(
          source + " " + url + " is not an http(s) URL; write it as http://HOST:PORT");
    }
    return url;
  }

  private ObjectNode request() {
    ObjectNode body = mapper.createObjectNode();
    body.put("pipeline", pipeline);
    ObjectNode p = body.putObject("params");
    RunCommand.parse(params).forEach(p::put);
    ObjectNode f = body.putObject("profile");
    profile.profile().facts().forEach((k, v) -> f.put(k, String.valueOf(v)));
    if (environment != null) {
      body.put("environment", environment);
    }
    return body;
  }

  /** Polls the run until it ends, printing each stage's status as it changes. */
  private JsonNode follow(HttpClient http, String base, String bearer, String runId)
      throws InterruptedException {
    Map<String, String> seen = new LinkedHashMap<>();
    String status = "";
    long pause = 100;
    while (true) {
      JsonNode run = send(http, base, bearer, "GET", "/api/v1/runs/" + runId, null);
      String now = run.path("status").asText();
      if (!json && !now.equals(status)) {
        cli.err.println("run " + runId + ": " + now);
        status = now;
      }
      for (JsonNode s : run.path("stages")) {
        String name = s.path("name").asText();
        String st = s.path("status").asText();
        if (!st.equals(seen.get(name)) && !st.equals("PENDING")) {
          seen.put(name, st);
          if (!json) {
            cli.err.println("  " + name + ": " + st);
          }
        }
      }
      if (FINAL.contains(now)) {
        return run;
      }
      Thread.sleep(pause);
      pause = Math.min(1000, pause * 2);
    }
  }

  /** The server's JSON answer to one request; a refusal or an unreachable server is one line. */
  private JsonNode send(
      HttpClient http, String base, String bearer, String method, String path, String body)
      throws InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofMinutes(2))
            .header("Authorization", "Bearer " + bearer)
            .header("Accept", "application/json");
    if (body != null) {
      b.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    HttpResponse<String> response;
    try {
      response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException e) {
      throw new UsageException(
          "cannot reach the server at "
              + base
              + " ("
              + (resolvable(base) ? "connection refused" : "unknown host")
              + "); is 'stagecraft serve' running there?");
    } catch (IOException e) {
      String why = StagecraftCli.oneLine(String.valueOf(e.getMessage()));
      throw new UsageException(
          "cannot reach the server at "
              + base
              + ": "
              + why
              + (why.contains("SSL")
                  ? " (the server speaks plain HTTP: use http://, or https:// through a TLS proxy)"
                  : ""));
    }
    JsonNode parsed;
    try {
      parsed = mapper.readTree(response.body());
    } catch (IOException e) {
      parsed = mapper.createObjectNode().put("error", StagecraftCli.oneLine(response.body()));
    }
    if (response.statusCode() >= 400) {
      String error = parsed.path("error").asText("HTTP " + response.statusCode());
      throw new UsageException(error + " (HTTP " + response.statusCode() + " from " + base + ")");
    }
    return parsed;
  }

  /** Whether the URL's host has an address (a refused connection differs from a typo). */
  private static boolean resolvable(String url) {
    try {
      java.net.InetAddress.getByName(URI.create(url).getHost());
      return true;
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  private void printTable(JsonNode run) {
    cli.out.println(
        "run "
            + run.path("runId").asText()
            + " of '"
            + run.path("pipeline").asText()
            + "': "
            + run.path("status").asText());
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("STAGE", "STATUS", "ATTEMPTS", "TIME", "REASON"));
    for (JsonNode s : run.path("stages")) {
      rows.add(
          List.of(
              s.path("name").asText(),
              s.path("status").asText(),
              s.path("attempts").asText(),
              s.path("durationMs").asText() + " ms",
              s.path("reason").asText()));
    }
    for (String line : HistoryFormat.table(rows).split("\n")) {
      cli.out.println("  " + line);
    }
  }
}
