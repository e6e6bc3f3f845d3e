package dev.stagecraft.runtime.cli;

import dev.stagecraft.annotations.syntax.Suggestions;
import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.PipelineProvider;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The pipelines the CLI can run: every {@link PipelineProvider} registered for {@link
 * ServiceLoader} on the classpath, plus those on {@code STAGECRAFT_CLASSPATH} (directories and jars
 * separated by the platform's path separator).
 */
public final class PipelineCatalog {
  private final Map<String, PipelineProvider> byName;
  private final ClassLoader loader;

  private PipelineCatalog(Map<String, PipelineProvider> byName, ClassLoader loader) {
    this.byName = byName;
    this.loader = loader;
  }

  /** The class loader that sees the pipelines (and the user's classes on STAGECRAFT_CLASSPATH). */
  public ClassLoader classLoader() {
    return loader;
  }

  /**
   * Loads the providers visible from {@code parent} and from the entries of {@code extraClasspath}.
   *
   * @throws UsageException for a classpath entry that does not exist or a provider that fails to
   *     load
   */
  public static PipelineCatalog load(ClassLoader parent, String extraClasspath) {
    ClassLoader loader = parent;
    if (extraClasspath != null && !extraClasspath.isBlank()) {
      List<URL> urls = new ArrayList<>();
      for (String entry : extraClasspath.split(File.pathSeparator)) {
        if (entry.isBlank()) {
          continue;
        }
        Path p = Path.of(entry.strip());
        if (!Files.exists(p)) {
          throw new UsageException(
              "STAGECRAFT_CLASSPATH entry '"
                  + entry
                  + "' does not exist"
                  + " (list directories of compiled classes or jars, separated by '"
                  + File.pathSeparator
                  + "')");
        }
        try {
          urls.add(p.toAbsolutePath().toUri().toURL());
        } catch (MalformedURLException e) {
          throw new UsageException(
              "STAGECRAFT_CLASSPATH entry '" + entry + "' is not a valid path");
        }
      }
      loader = new URLClassLoader(urls.toArray(new URL[0]), parent);
    }
    Map<String, PipelineProvider> found = new LinkedHashMap<>();
    try {
      for (PipelineProvider p : ServiceLoader.load(PipelineProvider.class, loader)) {
        found.putIfAbsent(p.name(), p);
      }
    } catch (ServiceConfigurationError e) {
      throw new UsageException(
          "a pipeline on the classpath could not be loaded: "
              + String.valueOf(e.getMessage()).replaceAll("\\s+", " "));
    }
    List<PipelineProvider> sorted = new ArrayList<>(found.values());
    sorted.sort(Comparator.comparing(PipelineProvider::name));
    Map<String, PipelineProvider> ordered = new LinkedHashMap<>();
    sorted.forEach(p -> ordered.put(p.name(), p));
    return new PipelineCatalog(ordered, loader);
  }

  /**
   * The definition of the pipeline of that name, to run it.
   *
   * @throws UsageException for an unknown pipeline, or one the command line cannot create (no
   *     public no-argument constructor), saying how to run it instead
   */
  public PipelineDefinition runnable(String name) {
    PipelineProvider provider = find(name);
    provider
        .notRunnableReason()
        .ifPresent(
            reason -> {
              throw new UsageException(reason);
            });
    return provider.definition();
  }

  /** Every pipeline, by name. */
  /**
   * The definition of a recorded run's pipeline when it is on the classpath and builds; empty
   * otherwise (a report or {@code show} then falls back to what the history recorded).
   */
  public Optional<PipelineDefinition> definitionOf(String pipeline) {
    PipelineProvider provider = byName.get(pipeline);
    if (provider == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(provider.definition());
    } catch (RuntimeException | LinkageError broken) {
      return Optional.empty();
    }
  }

  public List<PipelineProvider> all() {
    return List.copyOf(byName.values());
  }

  /**
   * The pipeline of that name.
   *
   * @throws UsageException naming the closest known pipeline, or listing them
   */
  public PipelineProvider find(String name) {
    PipelineProvider p = byName.get(name);
    if (p != null) {
      return p;
    }
    String hint =
        byName.isEmpty()
            ? " (no pipelines on the classpath: add yours with STAGECRAFT_CLASSPATH)"
            : Suggestions.closest(name, byName.keySet()).isPresent()
                ? Suggestions.didYouMeanOrList(name, byName.keySet(), "known")
                : " (known: "
                    + String.join(", ", byName.keySet())
                    + "; add your own compiled pipelines with STAGECRAFT_CLASSPATH)";
    throw new UsageException("unknown pipeline '" + name + "'" + hint);
  }
}
