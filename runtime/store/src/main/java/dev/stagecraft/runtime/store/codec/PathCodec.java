package dev.stagecraft.runtime.store.codec;

import dev.stagecraft.runtime.io.FileTrees;
import dev.stagecraft.runtime.store.Codec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A {@link Path} output (a file or a whole directory) copied into the store as a zip archive with
 * sorted entries and fixed timestamps, so equal contents give equal bytes (and equal cache keys).
 * Reading unpacks it once into the artifact's own directory in the store and returns the path
 * there; the original location is not needed any more.
 */
public final class PathCodec implements Codec {
  /** This codec's id. */
  public static final String ID = "path";

  private static final long FIXED_TIME = 315532800000L; // 1980-01-01, the zip epoch

  private static final byte[] EMPTY_KEY = {0, 'e', 'm', 'p', 't', 'y'};

  @Override
  public String id() {
    return ID;
  }

  @Override
  public boolean canWrite(Object value) {
    return value instanceof Path;
  }

  @Override
  public void write(Object value, OutputStream out) throws IOException {
    Path path = ((Path) value).toAbsolutePath().normalize();
    if (!Files.exists(path)) {
      throw new IOException("the output path " + path + " does not exist");
    }
    Path root = path.getFileName() == null ? path : path.getFileName();
    ZipOutputStream zip = new ZipOutputStream(new NonClosing(out));
    zip.setLevel(Deflater.BEST_SPEED);
    for (Path p : entries(path)) {
      String relative = path.relativize(p).toString().replace('\\', '/');
      String name = relative.isEmpty() ? root.toString() : root + "/" + relative;
      boolean dir = Files.isDirectory(p);
      ZipEntry entry = new ZipEntry(dir ? name + "/" : name);
      entry.setTime(FIXED_TIME);
      zip.putNextEntry(entry);
      if (!dir) {
        Files.copy(p, zip);
      }
      zip.closeEntry();
    }
    zip.finish();
    zip.flush();
  }

  /**
   * The path's content without compressing: each entry's relative name, kind and bytes, in the
   * archive's order. Equal trees give equal keys and any change to a name or a byte gives another.
   * The empty path (a parameter left unset) has a key of its own, whatever the working directory.
   */
  @Override
  public void writeKey(Object value, OutputStream out) throws IOException {
    if (value.toString().isEmpty()) {
      // An empty path is a parameter left unset, not the working directory: key it as such.
      out.write(EMPTY_KEY);
      return;
    }
    Path path = ((Path) value).toAbsolutePath().normalize();
    if (!Files.exists(path)) {
      throw new IOException("the path " + path + " does not exist");
    }
    java.io.DataOutputStream data = new java.io.DataOutputStream(new NonClosing(out));
    for (Path p : entries(path)) {
      String relative = path.relativize(p).toString().replace('\\', '/');
      data.writeUTF(relative);
      if (Files.isDirectory(p)) {
        data.writeLong(-1);
      } else {
        data.writeLong(Files.size(p));
        Files.copy(p, data);
      }
    }
    data.flush();
  }

  private static List<Path> entries(Path path) throws IOException {
    List<Path> entries = new ArrayList<>();
    if (Files.isDirectory(path)) {
      try (Stream<Path> walk = Files.walk(path)) {
        walk.forEach(entries::add);
      }
    } else {
      entries.add(path);
    }
    entries.sort(Comparator.comparing(p -> path.relativize(p).toString()));
    return entries;
  }

  @Override
  public Object read(InputStream in, ReadContext context) throws IOException {
    Path target = context.directory();
    Path root = null;
    if (Files.isDirectory(target)) {
      try (Stream<Path> list = Files.list(target)) {
        root = list.findFirst().orElse(null);
      }
      if (root != null) {
        return root; // unpacked before: the artifact's directory is immutable once moved in place
      }
    }
    Files.createDirectories(target.getParent());
    Path temp = target.resolveSibling(".tmp-" + UUID.randomUUID());
    Files.createDirectories(temp);
    String rootName = null;
    try {
      ZipInputStream zip = new ZipInputStream(new NonClosing.Input(in));
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        Path out = temp.resolve(e.getName()).normalize();
        if (!out.startsWith(temp)) {
          throw new IOException("zip entry escapes its directory: " + e.getName());
        }
        if (rootName == null) {
          rootName = temp.relativize(out).getName(0).toString();
        }
        if (e.isDirectory()) {
          Files.createDirectories(out);
        } else {
          Files.createDirectories(out.getParent());
          Files.copy(zip, out);
        }
      }
      if (rootName == null) {
        throw new IOException("empty path artifact");
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException raced) {
        FileTrees.delete(temp); // another reader unpacked it first; its copy is identical
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target);
      }
    } catch (IOException | RuntimeException e) {
      FileTrees.delete(temp);
      throw e;
    }
    return target.resolve(rootName);
  }
}
