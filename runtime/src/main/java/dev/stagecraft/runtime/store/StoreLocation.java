package dev.stagecraft.runtime.store;

import java.nio.file.Path;

/**
 * Where stage code finds the store directory of the run it belongs to, to keep files beside the run
 * history (the model registry lives in {@code STORE/registry}): the system property {@value
 * #PROPERTY}, which {@code stagecraft run} sets for the duration of a run to its {@code --store}
 * directory (else {@code $STAGECRAFT_HOME}, else {@code .stagecraft}); outside the command line
 * (a pipeline run from code) the same defaults without the option.
 *
 * <pre>{@code
 * ModelRegistry registry = new ModelRegistry(StoreLocation.registry());
 * }</pre>
 */
public final class StoreLocation {
  /** The system property naming the running store's directory. */
  public static final String PROPERTY = "stagecraft.store";

  /** The registry's directory name inside the store. */
  public static final String REGISTRY = "registry";

  private StoreLocation() {}

  /** The store directory: {@value #PROPERTY}, else {@link Store#defaultDirectory()}. */
  public static Path current() {
    String dir = System.getProperty(PROPERTY);
    return dir != null && !dir.isBlank() ? Path.of(dir) : Store.defaultDirectory();
  }

  /** The model registry's directory in the current store. */
  public static Path registry() {
    return current().resolve(REGISTRY);
  }

  /** The model registry's directory in the store {@code storeDir}. */
  public static Path registry(Path storeDir) {
    return storeDir.resolve(REGISTRY);
  }
}
