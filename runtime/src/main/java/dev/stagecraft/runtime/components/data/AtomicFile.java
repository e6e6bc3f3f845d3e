package dev.stagecraft.runtime.components.data;

import dev.stagecraft.runtime.io.TempFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file all at once or not at all: the content goes to a temporary file in the same
 * directory, which is moved over the target only when writing succeeded. To publish several files
 * together, {@link #prepare} each, then {@link Pending#commit} them (or {@link Pending#discard}).
 */
public final class AtomicFile {
  private AtomicFile() {}

  /** What writes the content. */
  @FunctionalInterface
  public interface Content {
    /** Writes everything to {@code out}. */
    void writeTo(OutputStream out) throws IOException;
  }

  /** A fully written temporary file waiting to replace its target. */
  public static final class Pending {
    private final Path temp;
    private final Path target;

    private Pending(Path temp, Path target) {
      this.temp = temp;
      this.target = target;
    }

    /** Moves the temporary file over the target. */
    public void commit() {
      try {
        try {
          Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } catch (IOException e) {
        discard();
        throw new DataException("cannot write " + target + ": " + e.getMessage(), e);
      }
    }

    /** Deletes the temporary file; the target is left as it was. */
    public void discard() {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException ignored) {
        // a hidden leftover temporary file is harmless; the original error matters more
      }
    }
  }

  /**
   * Writes {@code content} to {@code target} atomically.
   *
   * @throws DataException when the directory does not exist or the file cannot be written
   */
  public static void write(Path target, Content content) {
    prepare(target, content).commit();
  }

  /**
   * Writes {@code content} to a temporary file beside {@code target}, to be committed later.
   *
   * @throws DataException when the directory does not exist or the file cannot be written
   */
  public static Pending prepare(Path target, Content content) {
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
      temp = TempFiles.createBeside(absolute);
      try (OutputStream out = Files.newOutputStream(temp)) {
        content.writeTo(out);
      }
      Pending pending = new Pending(temp, absolute);
      temp = null;
      return pending;
    } catch (IOException e) {
      throw new DataException("cannot write " + target + ": " + e.getMessage(), e);
    } finally {
      if (temp != null) {
        new Pending(temp, absolute).discard();
      }
    }
  }
}
