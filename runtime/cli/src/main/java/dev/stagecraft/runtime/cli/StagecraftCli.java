package dev.stagecraft.runtime.cli;

import dev.stagecraft.runtime.UserInputException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.Option;

/**
 * The {@code stagecraft} command line: {@code list}, {@code describe}, {@code plan}, {@code run},
 * {@code stats}, {@code resume}, the history ({@code runs}, {@code show}, {@code report}, {@code
 * logs}), {@code preprocess}, {@code deployments}, and the store's upkeep ({@code doctor}, {@code
 * gc}). Exit codes: 0 ok, 1 the run failed, 2 a usage or input error (one line on stderr per
 * problem), 3 an internal error (one line; the stack trace with {@code --verbose} or {@code
 * STAGECRAFT_DEBUG} set).
 *
 * <pre>
 * ./stagecraft run advanced-ml -p inputDataPath=data.csv --max-cpu 4 --json
 * </pre>
 */
@Command(
    name = "stagecraft",
    mixinStandardHelpOptions = true,
    version = "stagecraft 0.1.0",
    description = "Runs and inspects compile-time checked ML pipelines.",
    subcommands = {
      ListCommand.class,
      DescribeCommand.class,
      PlanCommand.class,
      RunCommand.class,
      StatsCommand.class,
      ResumeCommand.class,
      RunsCommand.class,
      ShowCommand.class,
      ReportCommand.class,
      LogsCommand.class,
      PreprocessCommand.class,
      DeploymentsCommand.class,
      DoctorCommand.class,
      GcCommand.class,
      ExportCommand.class,
      StageCommand.class,
      TenantsCommand.class,
      ServeCommand.class,
      SubmitCommand.class
    })
public final class StagecraftCli implements Callable<Integer> {
  /** Exit code: the run failed. */
  public static final int RUN_FAILED = 1;

  /** Exit code: bad usage or input. */
  public static final int USAGE = 2;

  /** Exit code: a bug or an environment problem. */
  public static final int INTERNAL = 3;

  @Option(
      names = "--verbose",
      scope = CommandLine.ScopeType.INHERIT,
      description = "Print the stack trace of an internal error.")
  boolean verbose;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  final PrintStream out;
  final PrintStream err;
  final Map<String, String> env;
  final boolean terminal;
  final ClassLoader classLoader;
  private PipelineCatalog catalog;

  StagecraftCli(
      PrintStream out,
      PrintStream err,
      Map<String, String> env,
      boolean terminal,
      ClassLoader loader) {
    this.out = out;
    this.err = err;
    this.env = env;
    this.terminal = terminal;
    this.classLoader = loader;
  }

  /** Runs the CLI and exits with its code. */
  public static void main(String[] args) {
    int code = execute(args, System.out, System.err, System.getenv(), System.console() != null);
    System.out.flush();
    System.exit(code);
  }

  /**
   * Runs the CLI in-process and returns its exit code.
   *
   * @param terminal whether stderr is a terminal (live progress) or not (log lines)
   */
  public static int execute(
      String[] args, PrintStream out, PrintStream err, Map<String, String> env, boolean terminal) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = StagecraftCli.class.getClassLoader();
    }
    StagecraftCli cli = new StagecraftCli(out, err, env, terminal, loader);
    boolean debug =
        Arrays.asList(args).contains("--verbose") || env.containsKey("STAGECRAFT_DEBUG");
    CommandLine cmd = new CommandLine(cli);
    CommandLine run = cmd.getSubcommands().get("run");
    run.getHelpSectionMap()
        .put(
            UsageMessageSpec.SECTION_KEY_FOOTER,
            help -> ((RunCommand) run.getCommand()).parametersHelp());
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    cmd.setParameterExceptionHandler(
        (ex, arguments) -> {
          String qualified = ex.getCommandLine().getCommandSpec().qualifiedName();
          err.println("error: " + oneLine(ex.getMessage()) + " (see '" + qualified + " --help')");
          return USAGE;
        });
    cmd.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          if (ex instanceof UserInputException input) {
            input.problems().forEach(problem -> err.println("error: " + oneLine(problem)));
            return USAGE;
          }
          err.println(
              "internal error: "
                  + oneLine(ex.getClass().getName() + ": " + ex.getMessage())
                  + (debug ? "" : " (rerun with --verbose for the stack trace)"));
          if (debug) {
            ex.printStackTrace(err);
          }
          return INTERNAL;
        });
    try {
      return cmd.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  @Override
  public Integer call() {
    err.println(
        "error: name a command: "
            + String.join(", ", spec.subcommands().keySet())
            + " (see 'stagecraft --help')");
    return USAGE;
  }

  /** Whether a subcommand of that name is registered (e.g. {@code report}). */
  boolean hasCommand(String name) {
    return spec != null && spec.subcommands().containsKey(name);
  }

  /** The pipelines on the classpath and on {@code STAGECRAFT_CLASSPATH}, loaded once. */
  PipelineCatalog catalog() {
    if (catalog == null) {
      catalog = PipelineCatalog.load(classLoader, env.get("STAGECRAFT_CLASSPATH"));
    }
    return catalog;
  }

  static String oneLine(String text) {
    return String.valueOf(text).strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }
}
