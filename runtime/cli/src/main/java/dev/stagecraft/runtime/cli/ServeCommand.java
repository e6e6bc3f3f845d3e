package dev.stagecraft.runtime.cli;

import dev.stagecraft.annotations.syntax.Quantities;
import dev.stagecraft.runtime.engine.RunOptions;
import dev.stagecraft.runtime.report.HtmlReport;
import dev.stagecraft.runtime.report.RunReports;
import dev.stagecraft.runtime.server.PipelineServer;
import dev.stagecraft.runtime.server.ServerOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code stagecraft serve [--bind 127.0.0.1] [--port 8080] [--tenants tenants.yaml] [--templates
 * DIR] [--store DIR] [--max-cpu N] [--max-memory Q] [--gpus N] [--max-request-size 1Mi]}: the
 * pipeline server. Prints the URL it listens on (with {@code --port 0}, the port it picked), then
 * serves until stopped; runs it was running when stopped are resumed when it starts again.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description =
        "Serve pipelines to several tenants over HTTP on one shared executor (loopback only unless"
            + " --bind says otherwise; put it behind a TLS-terminating proxy to share it).")
final class ServeCommand implements Callable<Integer> {
  @ParentCommand StagecraftCli cli;

  @Option(
      names = "--bind",
      paramLabel = "ADDRESS",
      description = "The address to listen on (default: ${DEFAULT-VALUE}).")
  String bind = ServerOptions.LOOPBACK;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "The port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port = ServerOptions.DEFAULT_PORT;

  @Option(
      names = "--tenants",
      paramLabel = "FILE",
      description =
          "The tenants file (read again when it changes). Without it: one tenant 'default' allowed"
              + " everything, with a token printed at start.")
  Path tenants;

  @Option(
      names = "--templates",
      paramLabel = "DIR",
      description = "A directory of templates, one per pipeline: DIR/PIPELINE.yaml.")
  Path templates;

  @Option(
      names = "--max-request-size",
      paramLabel = "QUANTITY",
      description = "The largest request body accepted (default: ${DEFAULT-VALUE}).")
  String maxRequestSize = "1Mi";

  @Mixin CapacityOptions capacity = new CapacityOptions();

  @Mixin StoreOption store = new StoreOption();

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65_535) {
      throw new UsageException("--port " + port + " is not a port: use 0 to 65535");
    }
    if (tenants != null && !Files.isRegularFile(tenants)) {
      throw new UsageException(
          "--tenants "
              + tenants
              + ": no such file; write one as README's 'Share it with your team' shows");
    }
    if (templates != null && !Files.isDirectory(templates)) {
      throw new UsageException("--templates " + templates + ": no such directory");
    }
    long maxRequest;
    try {
      maxRequest = Quantities.memoryBytes(maxRequestSize);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--max-request-size: " + e.getMessage());
    }
    RunOptions run = capacity.apply(RunOptions.defaults());
    ServerOptions options =
        new ServerOptions(
            bind,
            port,
            Optional.ofNullable(tenants).map(t -> t.toAbsolutePath().normalize()),
            store.directory(cli.env),
            run.capacity(),
            Optional.ofNullable(templates).map(t -> t.toAbsolutePath().normalize()),
            maxRequest,
            cli.env,
            StoreOption.settings(cli.env));
    PipelineCatalog catalog = cli.catalog();
    PipelineServer server =
        PipelineServer.start(
            options,
            new CatalogPipelines(catalog),
            (dir, runId) -> HtmlReport.render(RunReports.load(dir, runId, catalog::definitionOf)));
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stagecraft-serve-stop"));
    cli.out.println("stagecraft server listening on " + server.url());
    cli.out.println("  store:   " + options.store());
    cli.out.println("  tenants: " + String.join(", ", server.tenantIds()));
    cli.out.println("  capacity: " + options.capacity() + " (--max-cpu, --max-memory, --gpus)");
    server.warnings().forEach(w -> cli.err.println("warning: " + w));
    server
        .madeUpToken()
        .ifPresent(
            token ->
                cli.out.println(
                    "  no tenants file: tenant 'default' may run everything with the token "
                        + token
                        + " (export STAGECRAFT_TOKEN="
                        + token
                        + ")"));
    cli.out.flush();
    server.awaitStop();
    return 0;
  }
}
