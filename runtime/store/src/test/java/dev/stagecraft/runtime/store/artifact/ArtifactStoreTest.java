package dev.stagecraft.runtime.store.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.runtime.UserInputException;
import dev.stagecraft.runtime.store.Codec;
import dev.stagecraft.runtime.store.StoreException;
import dev.stagecraft.runtime.store.UnstorableOutputException;
import dev.stagecraft.runtime.store.codec.Codecs;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactStoreTest {
  /** A class Jackson cannot read back: no no-argument constructor. */
  public static final class Connection {
    private final String url;

    public Connection(String url) {
      this.url = url;
    }

    public String getUrl() {
      return url;
    }
  }

  /** A record whose accessor fails halfway through writing. */
  public record Exploding(String before, String boom) {
    @Override
    public String boom() {
      throw new IllegalStateException("cannot read boom");
    }
  }

  /** Writes some bytes, then fails: the store must not keep the partial file. */
  static final class HalfWritingCodec implements Codec {
    @Override
    public String id() {
      return "half";
    }

    @Override
    public boolean canWrite(Object value) {
      return value instanceof StringBuilder;
    }

    @Override
    public void write(Object value, OutputStream out) throws IOException {
      out.write(
          new byte[3 << 20]); // past the in-memory limit: a temporary file exists when it fails
      out.flush();
      throw new IOException("disk went away");
    }

    @Override
    public Object read(InputStream in, ReadContext context) {
      throw new UnsupportedOperationException();
    }
  }

  /** A text too large to be kept inline: stored as a file. */
  private static final String LARGE = "v".repeat(ArtifactStore.INLINE_BYTES);

  @TempDir Path dir;

  @Test
  void anOutputNoCodecCanStoreNamesItsTypeAndWhatToDo() {
    ArtifactStore store = new ArtifactStore(dir, Codecs.standard());
    UnstorableOutputException e =
        assertThrows(
            UnstorableOutputException.class, () -> store.put(new Connection("jdbc:x"), "deploy"));
    assertTrue(e instanceof UserInputException);
    assertEquals(
        "the output of stage 'deploy' of type "
            + Connection.class.getName()
            + " cannot be stored:"
            + " JSON needs a no-argument constructor or a @JsonCreator to read it back; return a record or a"
            + " POJO with a no-argument constructor and getters/setters, or register a Codec for it in"
            + " META-INF/services/dev.stagecraft.runtime.store.Codec",
        e.getMessage());
    assertEquals(Connection.class.getName(), e.typeName());
  }

  @Test
  void unstorableValuesInsideCollectionsAndLambdasAreNamed() {
    ArtifactStore store = new ArtifactStore(dir, Codecs.standard());
    UnstorableOutputException inList =
        assertThrows(
            UnstorableOutputException.class, () -> store.put(List.of(new Connection("a")), "s"));
    assertTrue(
        inList.getMessage().startsWith("the output of stage 's' of type java.util."),
        inList.getMessage());
    Runnable lambda = () -> {};
    UnstorableOutputException fn =
        assertThrows(UnstorableOutputException.class, () -> store.put(lambda, ""));
    assertTrue(fn.getMessage().startsWith("an output of type "), fn.getMessage());
    assertTrue(
        fn.getMessage().contains("it is a lambda, anonymous or local class"), fn.getMessage());
    record Point(int x, int y) {}
    UnstorableOutputException keys =
        assertThrows(
            UnstorableOutputException.class,
            () -> store.put(java.util.Map.of(new Point(1, 2), "a"), "s"));
    assertTrue(
        keys.getMessage()
            .contains(
                "cannot be stored: its map keys of type "
                    + Point.class.getName()
                    + " cannot be JSON object keys (use strings, numbers, booleans, enums or UUIDs);"),
        keys.getMessage());
    UnstorableOutputException thread =
        assertThrows(UnstorableOutputException.class, () -> store.put(new Thread(), "s"));
    assertTrue(
        thread
            .getMessage()
            .contains(
                "of type java.lang.Thread cannot be stored: JSON does not store this JDK type;"),
        thread.getMessage());
  }

  @Test
  void aFailedWriteLeavesNoFileBehind() throws IOException {
    ArtifactStore store =
        new ArtifactStore(dir, Codecs.withBuiltIns(List.of(new HalfWritingCodec())));
    StoreException e =
        assertThrows(StoreException.class, () -> store.put(new StringBuilder("x"), "train"));
    assertEquals(
        "codec 'half' failed to write the output of stage 'train' of type java.lang.StringBuilder:"
            + " disk went away",
        e.getMessage());
    assertEquals(List.of(), files());
    assertThrows(UserInputException.class, () -> store.put(new Exploding("ok", "x"), "s"));
    assertEquals(List.of(), files());
    ArtifactRef ok = store.put(LARGE, "s");
    assertEquals(List.of(ok.sha256()), files());
  }

  @Test
  void largeOutputsAreStreamedThroughATemporaryFile() throws IOException {
    ArtifactStore store = new ArtifactStore(dir, Codecs.standard());
    String big = "x".repeat(3 << 20);
    ArtifactRef ref = store.put(big, "s");
    assertEquals(List.of(ref.sha256()), files());
    assertEquals(big, store.get(ref, String.class));
    assertEquals(ref, store.put(big, "again"));
    assertEquals(List.of(ref.sha256()), files());
  }

  @Test
  void equalValuesShareOneFile() throws IOException {
    ArtifactStore store = new ArtifactStore(dir, Codecs.standard());
    ArtifactRef a = store.put(List.of(1, 2, LARGE), "a");
    ArtifactRef b = store.put(List.of(1, 2, LARGE), "b");
    assertEquals(a, b);
    assertEquals(1, files().size());
    assertEquals(Files.size(dir.resolve("objects").resolve(a.sha256())), a.size());
  }

  @Test
  void smallOutputsTravelInTheirReferenceWithoutAFile() throws IOException {
    ArtifactStore store = new ArtifactStore(dir, Codecs.standard());
    ArtifactRef ref = store.put(List.of(1, 2, 3), "a");
    assertTrue(ref.isInline());
    assertEquals(ref.inline().length, ref.size());
    assertEquals(ref, store.put(List.of(1, 2, 3), "b"), "equal values give equal artifacts");
    assertEquals(List.of(), files());
    assertTrue(store.contains(ref));
    assertEquals(List.of(1, 2, 3), store.get(ref, Object.class));
    long overhead = store.put("", "empty").size(); // the header line and the quotes
    String atTheLimit = "x".repeat(ArtifactStore.INLINE_BYTES - (int) overhead);
    ArtifactRef largestInline = store.put(atTheLimit, "c");
    assertTrue(largestInline.isInline());
    assertEquals(ArtifactStore.INLINE_BYTES, largestInline.size());
    ArtifactRef file = store.put(atTheLimit + "x", "d");
    assertFalse(file.isInline());
    assertEquals(List.of(file.sha256()), files());
  }

  @Test
  void aSmallArtifactOfAnUnknownCodecSaysWhichJarIsMissing() {
    ArtifactStore writer = new ArtifactStore(dir, Codecs.standard());
    ArtifactRef ref = writer.put(new dev.stagecraft.runtime.store.codec.Shout("hi"), "s");
    ArtifactStore reader = new ArtifactStore(dir, Codecs.of(List.of()));
    StoreException e = assertThrows(StoreException.class, () -> reader.get(ref, Object.class));
    assertEquals(
        "the artifact "
            + ref.sha256()
            + " (kept in the database) was written by codec 'test-upper', which is not on the"
            + " class path; add the jar that registers it in"
            + " META-INF/services/dev.stagecraft.runtime.store.Codec",
        e.getMessage());
  }

  @Test
  void aMissingArtifactIsAOneLineError() {
    ArtifactStore store = new ArtifactStore(dir, Codecs.standard());
    ArtifactRef ref = new ArtifactRef("00".repeat(32), "json", 3);
    StoreException e = assertThrows(StoreException.class, () -> store.get(ref, Object.class));
    assertEquals(
        "the artifact "
            + dir.resolve("objects").resolve(ref.sha256())
            + " is missing (the store was"
            + " changed by hand); run the stage again, e.g. with --no-cache",
        e.getMessage());
  }

  @Test
  void anArtifactOfAnUnknownCodecSaysWhichJarIsMissing() {
    ArtifactStore writer = new ArtifactStore(dir, Codecs.standard());
    ArtifactRef ref = writer.put(new dev.stagecraft.runtime.store.codec.Shout(LARGE), "s");
    ArtifactStore reader = new ArtifactStore(dir, Codecs.of(List.of()));
    StoreException e = assertThrows(StoreException.class, () -> reader.get(ref, Object.class));
    assertEquals(
        "the artifact "
            + dir.resolve("objects").resolve(ref.sha256())
            + " was written by codec"
            + " 'test-upper', which is not on the class path; add the jar that registers it in"
            + " META-INF/services/dev.stagecraft.runtime.store.Codec",
        e.getMessage());
  }

  @Test
  void aCorruptArtifactIsAOneLineError() throws IOException {
    ArtifactStore store = new ArtifactStore(dir, Codecs.standard());
    ArtifactRef ref = store.put(List.of(LARGE), "s");
    Path file = dir.resolve("objects").resolve(ref.sha256());
    Files.writeString(file, "garbage");
    StoreException e = assertThrows(StoreException.class, () -> store.get(ref, Object.class));
    assertEquals(
        "cannot read the artifact "
            + file
            + " (not a Stagecraft artifact (no header line)); delete it"
            + " and run the stage again, e.g. with --no-cache",
        e.getMessage());
  }

  @Test
  void anUnwritableArtifactDirectoryIsAOneLineError() throws IOException {
    Path file = Files.writeString(dir.resolve("artifacts"), "in the way");
    StoreException e =
        assertThrows(StoreException.class, () -> new ArtifactStore(file, Codecs.standard()));
    assertTrue(
        e.getMessage()
            .startsWith("cannot create the artifact directory " + file.resolve("objects")),
        e.getMessage());
    assertTrue(e.getMessage().endsWith("; make it writable or pass --store DIR"), e.getMessage());
  }

  private List<String> files() throws IOException {
    try (Stream<Path> list = Files.list(dir.resolve("objects"))) {
      return list.map(p -> p.getFileName().toString()).toList();
    }
  }
}
