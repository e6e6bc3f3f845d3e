package dev.stagecraft.runtime.components.data;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file all at once or not at all: the content goes to a temporary file in the same
 * directory, which is moved over the target only when writing succeeded.
 */
public final class AtomicFile {
  private AtomicFile() {}

  /** What writes the content. */
  @FunctionalInterface
  public interface Content {
    /** Writes everything to {@code out}. */
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Writes {@code content} to {@code target} atomically.
   *
   * @throws DataException when the directory does not exist or the file cannot be written
   */
  public static void write(Path target, Content content) {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new DataException("cannot write " + target + ": directory " + dir
          + " does not exist; create it first");
    }
    if (Files.isDirectory(absolute)) {
      throw new DataException("cannot write " + target + ": it is a directory; name a file");
    }
    Path temp = null;
    try {
      temp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
      try (OutputStream out = Files.newOutputStream(temp)) {
        content.writeTo(out);
      }
      try {
        Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
      temp = null;
    } catch (IOException e) {
      throw new DataException("cannot write " + target + ": " + e.getMessage(), e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // the temporary file is hidden and harmless; the original error matters more
        }
      }
    }
  }
}
