package dev.stagecraft.runtime.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file all at once or not at all: the content goes to a temporary file in the same
 * directory, which is moved over the target only when writing succeeded. To publish several files
 * together, {@link #prepare} each, then {@link Pending#commit} them (or {@link Pending#discard}).
 * Every atomic write of the runtime (prepared CSVs, quality and run reports, the model registry)
 * goes through here.
 *
 * <pre>{@code
 * AtomicFile.write(Path.of("report.html"), out -> out.write(html));
 * }</pre>
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

    /**
     * Moves the temporary file over the target.
     *
     * @throws FileWriteException when the move fails (the target is left as it was)
     */
    public void commit() {
      try {
        try {
          Files.move(
              temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } catch (IOException e) {
        discard();
        throw failure(target, e);
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
   * @throws FileWriteException when the directory does not exist or the file cannot be written
   */
  public static void write(Path target, Content content) {
    prepare(target, content, false).commit();
  }

  /**
   * Writes {@code content} to {@code target} atomically and forces it to disk before the move, so a
   * crash right after never leaves a published but empty file (for records that must survive).
   *
   * @throws FileWriteException when the directory does not exist or the file cannot be written
   */
  public static void writeDurably(Path target, Content content) {
    prepare(target, content, true).commit();
  }

  /**
   * Writes {@code content} to a temporary file beside {@code target}, to be committed later.
   *
   * @throws FileWriteException when the directory does not exist or the file cannot be written
   */
  public static Pending prepare(Path target, Content content) {
    return prepare(target, content, false);
  }

  private static Pending prepare(Path target, Content content, boolean durable) {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new FileWriteException(
          "cannot write " + target + ": directory " + dir + " does not exist; create it first",
          null);
    }
    if (Files.isDirectory(absolute)) {
      throw new FileWriteException(
          "cannot write " + target + ": it is a directory; name a file", null);
    }
    Path temp = null;
    try {
      temp = TempFiles.createBeside(absolute);
      try (OutputStream out = Files.newOutputStream(temp)) {
        content.writeTo(out);
      }
      if (durable) {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
          channel.force(true);
        }
      }
      Pending pending = new Pending(temp, absolute);
      temp = null;
      return pending;
    } catch (IOException e) {
      throw failure(target, e);
    } finally {
      if (temp != null) {
        new Pending(temp, absolute).discard();
      }
    }
  }

  private static FileWriteException failure(Path target, IOException e) {
    return new FileWriteException("cannot write " + target + ": " + e.getMessage(), e);
  }
}
