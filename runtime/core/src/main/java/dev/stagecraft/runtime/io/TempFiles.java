package dev.stagecraft.runtime.io;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Temporary files for atomic writes (write beside the target, then move over it). Unlike {@link
 * Files#createTempFile}, which makes the file private ({@code rw-------}), the file gets the
 * permissions of any new file ({@code rw-rw-rw-} less the umask), so a report or a prepared CSV
 * published by a move is readable as the user expects.
 *
 * <pre>{@code
 * Path temp = TempFiles.createBeside(target);
 * Files.write(temp, bytes);
 * Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
 * }</pre>
 */
public final class TempFiles {
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  private static final FileAttribute<Set<PosixFilePermission>> AS_NEW_FILE =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-rw-rw-"));

  private TempFiles() {}

  /** A new hidden temporary file in the directory of {@code target}. */
  public static Path createBeside(Path target) throws IOException {
    Path absolute = target.toAbsolutePath();
    String prefix = "." + absolute.getFileName() + ".";
    return POSIX
        ? Files.createTempFile(absolute.getParent(), prefix, ".tmp", AS_NEW_FILE)
        : Files.createTempFile(absolute.getParent(), prefix, ".tmp");
  }
}
