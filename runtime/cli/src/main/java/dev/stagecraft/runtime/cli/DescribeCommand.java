package dev.stagecraft.runtime.cli;

import dev.stagecraft.runtime.graph.PipelineDefinition;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code stagecraft describe PIPELINE [--format text|json|mermaid|dot]}. */
@Command(
    name = "describe",
    mixinStandardHelpOptions = true,
    description = "Show a pipeline's parameters and stages, or draw its graph.")
final class DescribeCommand implements Callable<Integer> {
  enum Format {
    text,
    json,
    mermaid,
    dot
  }

  @ParentCommand StagecraftCli cli;

  @Parameters(
      index = "0",
      paramLabel = "PIPELINE",
      description = "The pipeline's name (see 'stagecraft list').")
  String pipeline;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text, json, mermaid or dot (default: text).")
  Format format;

  @Override
  public Integer call() {
    PipelineDefinition def = cli.catalog().find(pipeline).definition();
    String rendered =
        switch (format) {
          case text -> PipelineFormats.text(def);
          case json -> PipelineFormats.json(def) + "\n";
          case mermaid -> PipelineFormats.mermaid(def);
          case dot -> PipelineFormats.dot(def);
        };
    cli.out.print(rendered);
    return 0;
  }
}
