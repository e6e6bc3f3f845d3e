package dev.stagecraft.runtime.cli;

import dev.stagecraft.runtime.store.Store;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --store DIR} option shared by commands that read or write a store. */
public final class StoreOption {
  @Option(names = "--store", paramLabel = "DIR",
      description = "The store directory (default: $STAGECRAFT_HOME, else ./.stagecraft).")
  Path store;

  /** The chosen directory, or the default. */
  public Path directory() {
    return store != null ? store : Store.defaultDirectory();
  }
}
