package dev.stagecraft.runtime.cli;

import dev.stagecraft.runtime.graph.PipelineDefinition;
import dev.stagecraft.runtime.graph.PipelineProvider;
import dev.stagecraft.runtime.server.PipelineSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The catalog's pipelines as the server sees them: those the command line can create (a public
 * no-argument constructor) and whose definition builds, each definition built once.
 */
final class CatalogPipelines implements PipelineSource {
  private final PipelineCatalog catalog;
  private final Map<String, Optional<PipelineDefinition>> built = new ConcurrentHashMap<>();

  CatalogPipelines(PipelineCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public List<PipelineDefinition> all() {
    List<PipelineDefinition> all = new ArrayList<>();
    for (PipelineProvider p : catalog.all()) {
      if (p.notRunnableReason().isEmpty()) {
        find(p.name()).ifPresent(all::add);
      }
    }
    return all;
  }

  @Override
  public Optional<PipelineDefinition> find(String name) {
    return built.computeIfAbsent(
        name,
        n ->
            catalog.all().stream()
                .filter(p -> p.name().equals(n) && p.notRunnableReason().isEmpty())
                .findFirst()
                .flatMap(p -> catalog.definitionOf(n)));
  }

  @Override
  public ClassLoader classLoader() {
    return catalog.classLoader();
  }
}
