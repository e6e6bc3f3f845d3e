package dev.stagecraft.runtime.cli;

import dev.stagecraft.runtime.engine.RunOptions;
import dev.stagecraft.runtime.store.Store;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where {@code run} attaches the run history and artifact store: the seam for the SQLite store,
 * which adds its {@code RunListener} and {@code OutputStore} to the options here.
 */
final class RunStore {
  private RunStore() {}

  /**
   * {@code --store DIR}, else {@code $STAGECRAFT_HOME}, else {@code .stagecraft} in the working
   * directory.
   */
  static Path directory(Path option, Map<String, String> env) {
    if (option != null) {
      return option;
    }
    String home = env.get("STAGECRAFT_HOME");
    return home != null && !home.isBlank() ? Path.of(home) : Path.of(".stagecraft");
  }

  /**
   * The options with the store in {@code dir} attached: the run history as a listener, the artifact
   * store as the output store (outputs kept for resume, {@code cache = true} stages by cache key),
   * and the last successful duration of each stage of the pipeline weighting the critical path.
   *
   * @throws dev.stagecraft.runtime.store.StoreException when the store is corrupt or unwritable
   */
  static RunOptions attach(RunOptions options, Path dir, String pipeline) {
    Store store = Store.open(dir);
    Map<String, Double> expected = new LinkedHashMap<>();
    store.queries().expectedDurations(pipeline)
        .forEach((stage, d) -> expected.put(stage, (double) Math.max(1, d.toMillis())));
    return options.withListener(store.history())
        .withOutputStore(store.outputs())
        .withExpectedDurations(expected);
  }
}
