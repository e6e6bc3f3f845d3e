package dev.stagecraft.runtime.cli;

import dev.stagecraft.runtime.io.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The files a pod's task exposes as Argo output parameters ({@code valueFrom.path}): one per name
 * in a directory; nothing when no directory is named.
 */
final class OutputFiles {
  private final Path dir;

  OutputFiles(Path dir) {
    this.dir = dir;
  }

  /** Writes one value. */
  void write(String name, String value) {
    if (dir == null) {
      return;
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UsageException("cannot create --outputs " + dir + " (" + e.getMessage() + ")");
    }
    AtomicFile.write(dir.resolve(name), out -> out.write(value.getBytes(StandardCharsets.UTF_8)));
  }

  /** Writes every value. */
  void write(Map<String, String> values) {
    values.forEach(this::write);
  }
}
