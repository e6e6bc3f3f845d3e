package dev.stagecraft.runtime.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stagecraft.runtime.UserInputException;
import dev.stagecraft.runtime.config.tenants.Admin;
import dev.stagecraft.runtime.config.tenants.Principal;
import dev.stagecraft.runtime.config.tenants.Tenant;
import dev.stagecraft.runtime.config.tenants.Tenants;
import dev.stagecraft.runtime.engine.SharedCapacity;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.store.history.HistoryJson;
import dev.stagecraft.runtime.store.plan.PlanJson;
import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.StringOutput;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline server: the HTTP API and page on an embedded Javalin (Jetty 12), over the tenants'
 * runs ({@link ServerRuns}). Every {@code /api/v1} call needs {@code Authorization: Bearer TOKEN};
 * {@code /healthz}, {@code /metrics} and the page do not. Errors are {@code {"error": "..."}}.
 *
 * <pre>{@code
 * try (PipelineServer server = PipelineServer.start(options, pipelines, reports)) {
 *   System.out.println("listening on " + server.url());
 *   server.awaitStop();
 * }
 * }</pre>
 */
public final class PipelineServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PipelineServer.class);

  private final ServerOptions options;
  private final TenantsFile tenants;
  private final ServerRuns runs;
  private final RunViews views;
  private final ReportRenderer reports;
  private final PipelineSource pipelines;
  private final Optional<String> madeUpToken;
  private final ObjectMapper json = HistoryJson.JSON;
  private final String page;
  private Javalin app;

  private PipelineServer(
      ServerOptions options,
      TenantsFile tenants,
      Optional<String> madeUpToken,
      PipelineSource pipelines,
      ReportRenderer reports,
      SharedCapacity pool) {
    this.options = options;
    this.tenants = tenants;
    this.madeUpToken = madeUpToken;
    this.pipelines = pipelines;
    this.reports = reports;
    TenantSpaces spaces = new TenantSpaces(options);
    this.views = new RunViews(spaces);
    this.runs = new ServerRuns(options, pipelines, tenants, spaces, views, pool);
    this.page = renderPage(new ServerPage("Stagecraft pipeline server", 2000));
  }

  /**
   * Reads the tenants, starts listening, and takes up the runs a previous server left (queued ones
   * start, interrupted ones resume).
   *
   * @throws UserInputException for a tenants file with problems, or an address it cannot listen on
   */
  public static PipelineServer start(
      ServerOptions options, PipelineSource pipelines, ReportRenderer reports) {
    SharedCapacity pool = new SharedCapacity(options.capacity());
    Consumer<Tenants> define =
        read ->
            read.tenants().forEach(t -> pool.defineTenant(t.id(), t.weight(), t.limits().quota()));
    TenantsFile tenants;
    Optional<String> token = Optional.empty();
    try {
      if (options.tenants().isPresent()) {
        tenants = TenantsFile.read(options.tenants().get(), define);
      } else {
        token = Optional.of(TenantsFile.newToken());
        tenants = TenantsFile.single(token.get(), define);
      }
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    PipelineServer server = new PipelineServer(options, tenants, token, pipelines, reports, pool);
    // listen first: a server that cannot listen (its port taken) must not take up the runs a
    // previous one left, only to drop them when it exits
    server.listen();
    try {
      server.runs.recover();
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  /** The port it listens on. */
  public int port() {
    return app.port();
  }

  /** {@code http://HOST:PORT}. */
  public String url() {
    String host = options.bind().contains(":") ? "[" + options.bind() + "]" : options.bind();
    return "http://" + host + ":" + port();
  }

  /** The token of the single {@code default} tenant when started without a tenants file. */
  public Optional<String> madeUpToken() {
    return madeUpToken;
  }

  /**
   * What the operator should know about the configuration: a tenant permitted a pipeline that does
   * not exist (a typo, say), a secret whose environment variable is not set, every address bound
   * without a tenants file.
   */
  public java.util.List<String> warnings() {
    java.util.List<String> warnings = new java.util.ArrayList<>();
    java.util.List<String> names =
        pipelines.all().stream()
            .map(dev.stagecraft.runtime.graph.PipelineDefinition::name)
            .toList();
    for (Tenant t : tenants.current().tenants()) {
      for (String p : t.permissions().pipelines()) {
        if (!p.equals("*") && !names.contains(p)) {
          warnings.add(
              "tenant '"
                  + t.id()
                  + "' may run pipeline '"
                  + p
                  + "', which this server does not have"
                  + dev.stagecraft.annotations.syntax.Suggestions.didYouMeanOrList(
                      p, names, "pipelines"));
        }
      }
      for (dev.stagecraft.runtime.config.tenants.SecretRef ref : t.secrets()) {
        if (ref instanceof dev.stagecraft.runtime.config.tenants.SecretRef.FromEnv env
            && !options.processEnvironment().containsKey(env.variable())) {
          warnings.add(
              "secret '"
                  + ref.name()
                  + "' of tenant '"
                  + t.id()
                  + "' comes from "
                  + env.variable()
                  + ", which is not set: a stage asking for it will fail");
        }
      }
    }
    if (!tenants.fromFile()
        && !options.bind().startsWith("127.")
        && !options.bind().equals("::1")) {
      warnings.add(
          "listening on "
              + options.bind()
              + " without a tenants file: anyone who reaches it with the token may run anything,"
              + " and the token crosses the network in clear; use --tenants and a TLS proxy");
    }
    return warnings;
  }

  /** The tenants' ids. */
  public java.util.List<String> tenantIds() {
    return tenants.current().tenants().stream().map(Tenant::id).toList();
  }

  private void listen() {
    app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.jetty.host = options.bind();
              config.jetty.port = options.port();
              config.http.maxRequestSize = options.maxRequestBytes();
              config.routes.get(
                  "/healthz", ctx -> ctx.json(json.createObjectNode().put("status", "ok")));
              config.routes.get(
                  "/metrics",
                  ctx ->
                      ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                          .result(Metrics.text(runs, tenants.current())));
              config.routes.get("/", ctx -> ctx.html(page));
              config.routes.post("/api/v1/runs", this::submit);
              config.routes.get("/api/v1/runs", this::list);
              config.routes.get("/api/v1/runs/{id}", this::show);
              config.routes.get("/api/v1/runs/{id}/report", this::report);
              config.routes.post("/api/v1/runs/{id}/cancel", this::cancel);
              config.routes.get("/api/v1/pipelines", this::pipelines);
              config.routes.get("/api/v1/tenants/me", this::me);
              config.routes.exception(
                  HttpError.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
              config.routes.exception(
                  HttpResponseException.class,
                  (e, ctx) -> error(ctx, e.getStatus(), responseMessage(e)));
              config.routes.exception(
                  Exception.class,
                  (e, ctx) -> {
                    LOG.error("internal error on {} {}", ctx.method(), ctx.path(), e);
                    error(
                        ctx,
                        500,
                        "internal error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
                  });
              config.routes.error(
                  404,
                  ctx -> {
                    if (ctx.result() == null || ctx.result().isEmpty()) {
                      error(ctx, 404, "no such path: " + ctx.method() + " " + ctx.path());
                    }
                  });
            });
    try {
      app.start();
    } catch (io.javalin.util.JavalinBindException e) {
      runs.close();
      Throwable cause = e;
      while (cause.getCause() != null && cause.getCause() != cause) {
        cause = cause.getCause();
      }
      boolean inUse = String.valueOf(cause.getMessage()).toLowerCase().contains("in use");
      throw new UserInputException(
          "cannot listen on "
              + options.bind()
              + ":"
              + options.port()
              + ": "
              + (inUse
                  ? "the port is in use; pick another --port (0 picks a free one) or stop what"
                      + " listens there"
                  : cause.getMessage()
                      + "; --bind takes an address of this machine (127.0.0.1, the default,"
                      + " or 0.0.0.0 for all)"));
    }
  }

  private String responseMessage(HttpResponseException e) {
    if (e.getStatus() == 413) {
      return "the request body is larger than the server's limit of "
          + options.maxRequestBytes()
          + " bytes";
    }
    return e.getMessage();
  }

  private void error(Context ctx, int status, String message) {
    ctx.status(status);
    if (status == 401) {
      ctx.header("WWW-Authenticate", "Bearer");
    }
    ctx.json(json.createObjectNode().put("error", message));
  }

  // ---------------------------------------------------------------- authentication

  private Principal principal(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || header.isBlank()) {
      throw new HttpError(
          401, "no token: send the header 'Authorization: Bearer TOKEN' with your tenant's token");
    }
    if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.substring(7).isBlank()) {
      throw new HttpError(401, "the Authorization header must be 'Bearer TOKEN'");
    }
    return tenants
        .current()
        .authenticate(header.substring(7).strip())
        .orElseThrow(() -> new HttpError(401, "the token is not valid for this server"));
  }

  /** The tenant whose runs the caller sees; empty for an admin, who sees all. */
  private static Optional<String> scope(Principal p) {
    return p instanceof Tenant t ? Optional.of(t.id()) : Optional.empty();
  }

  // ---------------------------------------------------------------- handlers

  private void submit(Context ctx) {
    Principal p = principal(ctx);
    if (!(p instanceof Tenant tenant)) {
      throw HttpError.forbidden(
          "admin '"
              + p.id()
              + "' reads every tenant's runs but cannot submit; use a tenant's token");
    }
    SubmissionRequest request = SubmissionRequest.parse(ctx.bodyAsBytes(), json);
    ServerRuns.Accepted accepted = runs.submit(tenant, request);
    ObjectNode answer = json.createObjectNode();
    answer.put("runId", accepted.run().id());
    answer.put("tenant", tenant.id());
    answer.put("status", accepted.status());
    answer.set("plan", PlanJson.of(accepted.run().plan()));
    answer.put("estimatedCompletion", accepted.estimatedCompletion().toString());
    answer.set("allocation", views.allocation(accepted.run().plan()));
    ctx.status(202).json(answer);
  }

  private void list(Context ctx) {
    Principal p = principal(ctx);
    int limit = 100;
    String text = ctx.queryParam("limit");
    if (text != null) {
      try {
        limit = Integer.parseInt(text);
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit < 1 || limit > 10_000) {
        throw HttpError.badRequest(
            "limit must be a whole number from 1 to 10000, not '" + text + "'");
      }
    }
    ctx.json(views.list(scope(p), limit));
  }

  private void show(Context ctx) {
    Principal p = principal(ctx);
    ctx.json(views.document(scope(p), ctx.pathParam("id")));
  }

  private void report(Context ctx) {
    Principal p = principal(ctx);
    RunViews.ReportSource source = views.reportSource(scope(p), ctx.pathParam("id"));
    ctx.html(reports.render(source.store(), source.runId()));
  }

  private void cancel(Context ctx) {
    Principal p = principal(ctx);
    ObjectNode answer = runs.cancel(scope(p), ctx.pathParam("id"));
    ctx.status(answer.path("status").asText().equals("CANCELLING") ? 202 : 200).json(answer);
  }

  private void pipelines(Context ctx) {
    Principal p = principal(ctx);
    ArrayNode array = json.createArrayNode();
    for (PipelineDefinition def : pipelines.all()) {
      if (p instanceof Tenant t && !t.permissions().allowsPipeline(def.name())) {
        continue;
      }
      ObjectNode o = array.addObject();
      o.put("name", def.name());
      o.put("description", def.description());
      o.put("stages", def.stages().size());
      ArrayNode params = o.putArray("params");
      def.params().forEach(param -> params.add(param.name()));
    }
    ctx.json(array);
  }

  private void me(Context ctx) {
    Principal p = principal(ctx);
    ObjectNode o = json.createObjectNode();
    if (p instanceof Admin a) {
      o.put("admin", a.id());
      ArrayNode all = o.putArray("tenants");
      tenants.current().tenants().forEach(t -> all.add(Metrics.tenantJson(json, t, runs)));
    } else {
      o.setAll(Metrics.tenantJson(json, (Tenant) p, runs));
    }
    ctx.json(o);
  }

  private static String renderPage(ServerPage page) {
    StringOutput html = new StringOutput(8192);
    // The jte-maven-plugin compiles server/index.jte to this class; calling it directly lets
    // javac check the page's parameter, as the report does.
    dev.stagecraft.runtime.server.JteindexGenerated.render(
        new OwaspHtmlTemplateOutput(html), null, page);
    return html.toString();
  }

  /** Blocks until the server is stopped. */
  public void awaitStop() throws InterruptedException {
    app.jettyServer().server().join();
  }

  @Override
  public void close() {
    runs.close();
    if (app != null) {
      app.stop();
    }
  }
}
