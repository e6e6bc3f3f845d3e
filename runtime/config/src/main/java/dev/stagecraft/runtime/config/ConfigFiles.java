package dev.stagecraft.runtime.config;

import dev.stagecraft.annotations.syntax.Suggestions;
import dev.stagecraft.runtime.UserInputException;
import dev.stagecraft.runtime.config.tenants.Tenants;
import dev.stagecraft.runtime.config.tenants.TenantsReader;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.plan.ConfigException;
import dev.stagecraft.runtime.plan.Profile;
import dev.stagecraft.runtime.plan.Template;
import dev.stagecraft.runtime.plan.TemplateChecker;
import dev.stagecraft.runtime.plan.optimize.Prices;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The YAML files users write, read into the core's model: a template ({@code --template}) checked
 * against its pipeline, a profile ({@code --profile-file}), prices ({@code --prices}), a tenants
 * file ({@code --tenants}). Every problem of a file is reported at once, each naming the file, the
 * line and the key.
 *
 * <pre>{@code
 * Template t = ConfigFiles.template(Path.of("advanced-ml.yaml"), definition);
 * Profile p = ConfigFiles.profile(Path.of("production.yaml"));
 * Prices prices = ConfigFiles.prices(Path.of("prices.yaml"));
 * }</pre>
 */
public final class ConfigFiles {
  private ConfigFiles() {}

  /**
   * Reads and checks a template for pipeline {@code def}.
   *
   * @throws ConfigException listing every problem with its line and key
   * @throws UserInputException when the file cannot be read
   */
  public static Template template(Path file, PipelineDefinition def) {
    return TemplateChecker.check(
        YamlTree.parse(read(file, "template"), file.toString()), file.toString(), def);
  }

  /** Reads and checks a template given as text, named {@code file} in messages. */
  public static Template template(String yaml, String file, PipelineDefinition def) {
    return TemplateChecker.check(YamlTree.parse(yaml, file), file, def);
  }

  /**
   * Reads a profile: a mapping of facts to values.
   *
   * @throws ConfigException listing every problem with its line
   * @throws UserInputException when the file cannot be read
   */
  public static Profile profile(Path file) {
    return Profile.read(YamlTree.parse(read(file, "profile"), file.toString()), file.toString());
  }

  /**
   * Reads prices ({@code --prices}): a mapping of some of {@link Prices#KEYS} to values.
   *
   * @throws ConfigException listing every problem with its line and key
   * @throws UserInputException when the file cannot be read
   */
  public static Prices prices(Path file) {
    return Prices.read(YamlTree.parse(read(file, "prices"), file.toString()), file.toString());
  }

  /**
   * Reads a tenants file ({@code serve --tenants}).
   *
   * @throws ConfigException listing every problem with its line, key and suggestion
   * @throws UserInputException when the file cannot be read
   */
  public static Tenants tenants(Path file) {
    return tenants(read(file, "tenants file"), file.toString());
  }

  /** Reads a tenants file given as text, named {@code file} in messages. */
  public static Tenants tenants(String yaml, String file) {
    return TenantsReader.read(YamlTree.parse(yaml, file), file);
  }

  private static String read(Path file, String what) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new UserInputException(
          "cannot read the "
              + what
              + " "
              + file
              + ": no such file"
              + Suggestions.didYouMean(file.getFileName().toString(), siblings(file)));
    } catch (IOException | RuntimeException e) {
      throw new UserInputException(
          "cannot read the " + what + " " + file + ": " + e.getMessage(), e);
    }
  }

  /** The names of the files beside {@code file}, for "did you mean". */
  private static List<String> siblings(Path file) {
    Path dir = file.toAbsolutePath().getParent();
    List<String> names = new ArrayList<>();
    if (dir != null && Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.list(dir)) {
        files.forEach(f -> names.add(f.getFileName().toString()));
      } catch (IOException e) {
        return List.of();
      }
    }
    return names;
  }
}
