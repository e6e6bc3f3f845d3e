package dev.stagecraft.runtime.cli;

import dev.stagecraft.runtime.report.ReportWriter;
import dev.stagecraft.runtime.report.RunReport;
import dev.stagecraft.runtime.report.RunReports;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code stagecraft report RUN_ID [-o report.html] [--store DIR]}: writes one self-contained HTML
 * page on a recorded run (its DAG coloured by state, a timeline, metrics, parameters, reasons and
 * small stage outputs). A unique prefix of the id is enough. Exit 0, or 2 with one line on stderr
 * for an unknown or ambiguous id or an output path that cannot be written.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Write an HTML report of a run (DAG, timeline, metrics, parameters, outputs).")
public final class ReportCommand implements Callable<Integer> {
  @ParentCommand StagecraftCli cli;

  @Mixin StoreOption store = new StoreOption();

  @Parameters(
      index = "0",
      paramLabel = "RUN_ID",
      description = "The run's id, or a unique prefix of it.")
  String runId;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description =
          "The HTML file to write (default: report-RUN_ID.html in the working directory).")
  Path output;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    RunReport report =
        RunReports.load(store.directory(cli.env), runId, cli.catalog()::definitionOf);
    Path file = output != null ? output : Path.of("report-" + report.run().runId() + ".html");
    Path written = ReportWriter.write(report, file);
    out.println("report of run " + report.run().runId() + " written to " + written);
    out.flush();
    return 0;
  }
}
