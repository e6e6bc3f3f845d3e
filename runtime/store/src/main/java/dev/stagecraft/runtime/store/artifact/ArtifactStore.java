package dev.stagecraft.runtime.store.artifact;

import dev.stagecraft.runtime.io.FileTrees;
import dev.stagecraft.runtime.io.Sha256;
import dev.stagecraft.runtime.store.Codec;
import dev.stagecraft.runtime.store.StoreException;
import dev.stagecraft.runtime.store.UnstorableOutputException;
import dev.stagecraft.runtime.store.codec.Codecs;
import dev.stagecraft.runtime.store.codec.NonClosing;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.UUID;

/**
 * Stage outputs as files under {@code artifacts/}, named by the SHA-256 of their content (equal
 * outputs share a file). Each file is a one-line header naming the codec, then the codec's bytes.
 * An output of at most {@link #INLINE_BYTES} gets no file: its bytes travel in its {@link
 * ArtifactRef}, and the store keeps them in its database with the run history, in the writer's
 * batched transactions. A file costs a new inode, which on a many-stage pipeline of small outputs
 * costs more than everything else the run does.
 *
 * <p>Writes are atomic: bytes go to a temporary file in the same directory, which is moved into
 * place ({@code ATOMIC_MOVE}) only once complete, so a reader or a crash never sees a partial
 * artifact. Outputs up to 1 MiB are hashed in memory first, so storing bytes that are already there
 * (a re-run's unchanged output) writes nothing. Files unpacked for {@code Path} outputs live under
 * {@code artifacts/files/SHA/}.
 */
public final class ArtifactStore {
  /** The largest artifact kept without a file, header included: one file system block. */
  public static final int INLINE_BYTES = 4096;

  private static final String HEADER = "stagecraft-artifact 1 ";

  private final Path root;
  private final Path objects;
  private final Codecs codecs;

  /** A store under {@code root} (created when absent) using these codecs. */
  public ArtifactStore(Path root, Codecs codecs) {
    this(root, codecs, true);
  }

  private ArtifactStore(Path root, Codecs codecs, boolean writable) {
    this.root = root.toAbsolutePath().normalize();
    this.objects = this.root.resolve("objects");
    this.codecs = codecs;
    if (!writable) {
      return;
    }
    try {
      Files.createDirectories(objects);
    } catch (IOException e) {
      throw new StoreException(
          "cannot create the artifact directory "
              + objects
              + " ("
              + e
              + "); make it writable or pass --store DIR",
          e);
    }
    if (!Files.isWritable(objects)) {
      throw new StoreException(
          "the artifact directory "
              + objects
              + " is not writable; make it"
              + " writable or pass --store DIR");
    }
  }

  /** The artifacts under {@code root} for reading only: nothing is created or checked. */
  public static ArtifactStore readOnly(Path root, Codecs codecs) {
    return new ArtifactStore(root, codecs, false);
  }

  /** The artifacts directory. */
  public Path root() {
    return root;
  }

  /** The codecs used. */
  public Codecs codecs() {
    return codecs;
  }

  /**
   * Stores the value through the first codec that takes it: in the returned reference when its
   * bytes are at most {@link #INLINE_BYTES}, else as a file.
   *
   * @param owner the stage instance that produced it, named in errors ({@code ""} when unknown)
   * @throws UnstorableOutputException when no codec takes it or the codec cannot write it
   * @throws StoreException when the file cannot be written
   */
  public ArtifactRef put(Object value, String owner) {
    Codec codec = codecs.forValue(value, owner);
    MessageDigest sha = Sha256.digest();
    Spill spill = new Spill(objects);
    Path temp = null;
    try {
      try (DigestOutputStream digesting = new DigestOutputStream(spill, sha)) {
        digesting.write((HEADER + codec.id() + "\n").getBytes(StandardCharsets.UTF_8));
        codec.write(value, new NonClosing(digesting));
      } finally {
        temp = spill.file;
      }
      String hex = Sha256.hex(sha.digest());
      if (temp == null && spill.size <= INLINE_BYTES) {
        return new ArtifactRef(hex, codec.id(), spill.size, spill.memory.toByteArray());
      }
      ArtifactRef ref = new ArtifactRef(hex, codec.id(), spill.size);
      Path target = objects.resolve(hex);
      if (Files.exists(target)) {
        // Equal bytes are stored already (e.g. the null output of every void stage): nothing to
        // write.
        if (temp != null) {
          Files.delete(temp);
        }
      } else {
        if (temp == null) {
          temp = objects.resolve(".tmp-" + UUID.randomUUID());
          Files.write(temp, spill.memory.toByteArray());
        }
        moveAtomically(temp, target);
      }
      return ref;
    } catch (IOException | RuntimeException e) {
      if (temp != null) {
        deleteQuietly(temp);
      }
      if (e instanceof UnstorableOutputException u) {
        throw u;
      }
      if (e instanceof com.fasterxml.jackson.databind.exc.InvalidDefinitionException bad) {
        throw new UnstorableOutputException(
            owner, value.getClass(), "JSON cannot write it (" + firstLine(bad) + ")");
      }
      if (e instanceof IOException io
          && !(e instanceof com.fasterxml.jackson.core.JsonProcessingException)
          && isFileSystemFailure(io)) {
        throw new StoreException(
            "cannot write an artifact in "
                + objects
                + " ("
                + firstLine(io)
                + "); make it writable with free space, or pass --store DIR",
            e);
      }
      throw new StoreException(
          "codec '"
              + codec.id()
              + "' failed to write "
              + (owner.isEmpty() ? "an output" : "the output of stage '" + owner + "'")
              + " of type "
              + (value == null ? "null" : value.getClass().getName())
              + ": "
              + firstLine(e),
          e);
    }
  }

  /**
   * Reads an artifact back.
   *
   * @param expected the type the consumer declared, {@code Object.class} when unknown
   * @throws StoreException when the artifact is missing, unreadable, or its codec is not on the
   *     class path
   */
  public Object get(ArtifactRef ref, Type expected) {
    Path file = objects.resolve(ref.sha256());
    String artifact = ref.isInline() ? ref.sha256() + " (kept in the database)" : file.toString();
    try (InputStream in =
        ref.isInline()
            ? new ByteArrayInputStream(ref.inline())
            : new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      String header = readHeaderLine(in);
      String codecId = header.substring(HEADER.length());
      Codec codec =
          codecs
              .byId(codecId)
              .orElseThrow(
                  () ->
                      new StoreException(
                          "the artifact "
                              + artifact
                              + " was written by codec '"
                              + codecId
                              + "', which is not on the class path; add the jar that"
                              + " registers it in META-INF/services/"
                              + Codec.class.getName()));
      return codec.read(
          new NonClosing.Input(in), new Codec.ReadContext(expected, unpacked(ref.sha256())));
    } catch (NoSuchFileException e) {
      throw new StoreException(
          "the artifact "
              + file
              + " is missing (the store was changed by hand);"
              + " run the stage again, e.g. with --no-cache",
          e);
    } catch (IOException | RuntimeException e) {
      if (e instanceof StoreException se) {
        throw se;
      }
      throw new StoreException(
          "cannot read the artifact "
              + artifact
              + " ("
              + firstLine(e)
              + "); delete it and run the stage again, e.g. with --no-cache",
          e);
    }
  }

  /** Whether the artifact can be read: its bytes are in the reference, or its file is present. */
  public boolean contains(ArtifactRef ref) {
    return ref.isInline() || Files.isRegularFile(objects.resolve(ref.sha256()));
  }

  /** The file holding an artifact (it may be absent). */
  public Path file(String sha256) {
    return objects.resolve(sha256);
  }

  /** The directory where a {@code Path} artifact is unpacked when read (it may be absent). */
  private Path unpacked(String sha256) {
    return root.resolve("files").resolve(sha256);
  }

  /**
   * Removes an artifact's file and what was unpacked from it; returns the bytes freed. Only for
   * artifacts nothing references any more.
   */
  public long remove(String sha256) throws IOException {
    Path file = file(sha256);
    long size = Files.exists(file) ? Files.size(file) : 0;
    Files.deleteIfExists(file);
    FileTrees.delete(unpacked(sha256));
    return size;
  }

  /**
   * Removes the temporary files that writes interrupted by a crash left behind; only when no
   * process is writing artifacts.
   */
  public void removeTemporaryFiles() throws IOException {
    if (!Files.isDirectory(objects)) {
      return;
    }
    try (java.util.stream.Stream<Path> files = Files.list(objects)) {
      for (Path p : files.filter(f -> f.getFileName().toString().startsWith(".tmp-")).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** The SHA-256 of every artifact file present, sorted. */
  public java.util.List<String> list() {
    if (!Files.isDirectory(objects)) {
      return java.util.List.of();
    }
    try (java.util.stream.Stream<Path> files = Files.list(objects)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(name -> name.length() == 64 && name.chars().allMatch(ArtifactStore::isHex))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new StoreException(
          "cannot list the artifacts in " + objects + " (" + firstLine(e) + ")", e);
    }
  }

  private static boolean isHex(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  }

  /**
   * The SHA-256 of what the value's codec writes for a key ({@link Codec#writeKey}: its bytes, less
   * what does not change the value, such as a {@code Path}'s compression or a model's training
   * time), without storing anything: what cache keys hash.
   *
   * @throws UnstorableOutputException when no codec takes the value
   */
  public static byte[] digest(Codecs codecs, Object value, String owner) {
    Codec codec = codecs.forValue(value, owner);
    MessageDigest sha = Sha256.digest();
    try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), sha)) {
      out.write((codec.id() + "\n").getBytes(StandardCharsets.UTF_8));
      codec.writeKey(value, new NonClosing(out));
    } catch (IOException e) {
      throw new StoreException(
          "codec '"
              + codec.id()
              + "' failed to write a value of type "
              + (value == null ? "null" : value.getClass().getName())
              + " for a cache key: "
              + firstLine(e),
          e);
    }
    return sha.digest();
  }

  private static void moveAtomically(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException raced) {
      Files.deleteIfExists(temp); // another writer stored the same bytes first
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException(
          "the file system of " + target.getParent() + " cannot move files atomically", e);
    }
  }

  private static String readHeaderLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0 || line.size() > 200) {
        throw new IOException("not a Stagecraft artifact (no header line)");
      }
      line.write(b);
    }
    String header = line.toString(StandardCharsets.UTF_8);
    if (!header.startsWith(HEADER)) {
      throw new IOException("not a Stagecraft artifact (header '" + header + "')");
    }
    return header;
  }

  private static boolean isFileSystemFailure(IOException e) {
    return e instanceof java.nio.file.FileSystemException
        || String.valueOf(e.getMessage()).contains("No space left");
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // a leftover temp file is invisible to readers; nothing else to do
    }
  }

  private static String firstLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  /**
   * Where a codec's bytes go while they are counted and hashed: memory up to {@link #SPILL_BYTES},
   * then a temporary file in the objects directory (so the final move is atomic).
   */
  private static final class Spill extends OutputStream {
    static final int SPILL_BYTES = 1 << 20;

    final Path dir;
    final ByteArrayOutputStream memory = new ByteArrayOutputStream(256);
    Path file;
    OutputStream fileOut;
    long size;

    Spill(Path dir) {
      this.dir = dir;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (fileOut == null && memory.size() + len > SPILL_BYTES) {
        file = dir.resolve(".tmp-" + UUID.randomUUID());
        fileOut = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        memory.writeTo(fileOut);
        memory.reset();
      }
      if (fileOut != null) {
        fileOut.write(b, off, len);
      } else {
        memory.write(b, off, len);
      }
      size += len;
    }

    @Override
    public void flush() throws IOException {
      if (fileOut != null) {
        fileOut.flush();
      }
    }

    @Override
    public void close() throws IOException {
      if (fileOut != null) {
        fileOut.close();
      }
    }
  }
}
