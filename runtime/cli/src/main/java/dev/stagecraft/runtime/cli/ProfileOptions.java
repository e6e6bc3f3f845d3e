package dev.stagecraft.runtime.cli;

import dev.stagecraft.runtime.config.ConfigFiles;
import dev.stagecraft.runtime.plan.Profile;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options that give a run's profile, shared by {@code plan}, {@code run}, {@code export} and
 * {@code submit}: {@code --profile fact=value} (repeatable), over {@code --profile-file FILE}.
 */
final class ProfileOptions {
  @Option(
      names = "--profile",
      paramLabel = "fact=value",
      description =
          "A fact of the run's profile: data_size (2e9, 500M, 2Gi), model_complexity"
              + " (low|medium|high), latency_requirement (standard|low|ultra_low), priority"
              + " (low|normal|high), environment (dev|staging|production), pipeline_mode"
              + " (training|inference), data_preprocessed (true|false).")
  Map<String, String> facts = new LinkedHashMap<>();

  @Option(
      names = "--profile-file",
      paramLabel = "FILE",
      description = "A YAML file of profile facts; --profile overrides it.")
  Path profileFile;

  /**
   * The profile: the file's facts, then the {@code --profile} ones over them.
   *
   * @throws dev.stagecraft.runtime.UserInputException for an unknown fact or a bad value
   */
  Profile profile() {
    Profile fromFile = profileFile == null ? Profile.EMPTY : ConfigFiles.profile(profileFile);
    return fromFile.with(Profile.parse(facts));
  }
}
