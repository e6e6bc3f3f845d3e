package dev.stagecraft.runtime.cli;

import dev.stagecraft.runtime.config.ConfigFiles;
import dev.stagecraft.runtime.plan.optimize.Prices;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options {@code plan} and {@code run} share to say what situation a run is for: {@code
 * --profile key=value} (repeatable; overrides {@code --profile-file}), {@code --profile-file},
 * {@code --template} and {@code --environment} (default: the profile's environment), and how the
 * optimizer takes part: {@code --optimize} (right-sizing from the run history) and {@code
 * --prices}.
 */
final class PlanOptions {
  @Mixin ProfileOptions profile = new ProfileOptions();

  @Option(
      names = "--template",
      paramLabel = "FILE",
      description = "A YAML template: environment overlays and rules.")
  Path template;

  @Option(
      names = "--environment",
      paramLabel = "NAME",
      description = "The template environment to apply (default: the profile's environment).")
  String environment;

  @Option(
      names = "--optimize",
      description =
          "Right-size cpu and memory: each stage's observed use in the run history x 1.2 (x 1.5"
              + " for priority=high), within the capacity.")
  boolean optimize;

  @Option(
      names = "--prices",
      paramLabel = "FILE",
      description =
          "A YAML file of prices (currency, coreHour, gibHour, gpuHour, storageGibMonth,"
              + " networkGib, retentionDays) for the predicted cost; default: list prices in USD.")
  Path prices;

  /** The inputs of a plan with these options and the {@code -p} values. */
  PlanInputs inputs(Map<String, String> params) {
    return new PlanInputs(
        profile.profile(),
        Optional.ofNullable(template),
        Optional.ofNullable(environment),
        params,
        optimize,
        prices == null ? Prices.DEFAULTS : ConfigFiles.prices(prices));
  }
}
