package dev.stagecraft.runtime.store.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.runtime.store.Codec;
import dev.stagecraft.runtime.store.artifact.ArtifactRef;
import dev.stagecraft.runtime.store.artifact.ArtifactStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every built-in codec writes through the artifact store and reads back an equal value. */
class CodecRoundTripTest {
  /** A record as stage outputs usually are. */
  public record Model(
      String name, double accuracy, List<String> features, Map<String, Integer> counts) {}

  /** A record nesting records, enums and dates. */
  public record Report(
      Model best, List<Model> all, Kind kind, LocalDate day, Instant at, Duration took) {}

  /** An enum in outputs. */
  public enum Kind {
    TREE,
    LINEAR
  }

  /** A plain JavaBean. */
  public static final class Bean {
    private String label;
    private int[] sizes;

    public Bean() {}

    Bean(String label, int[] sizes) {
      this.label = label;
      this.sizes = sizes;
    }

    public String getLabel() {
      return label;
    }

    public void setLabel(String label) {
      this.label = label;
    }

    public int[] getSizes() {
      return sizes;
    }

    public void setSizes(int[] sizes) {
      this.sizes = sizes;
    }
  }

  @TempDir Path dir;
  ArtifactStore store;

  @BeforeEach
  void open() {
    store = new ArtifactStore(dir.resolve("artifacts"), Codecs.standard());
  }

  private Object roundTrip(Object value, String codec) {
    ArtifactRef ref = store.put(value, "stage");
    assertEquals(codec, ref.codec());
    return store.get(ref, Object.class);
  }

  @Test
  void primitivesAndStrings() {
    for (Object v :
        List.of(
            42,
            42L,
            3.25,
            2.5f,
            true,
            "héllo\nworld",
            'c',
            (short) 7,
            (byte) 1,
            new java.math.BigDecimal("1.10"),
            Kind.LINEAR,
            LocalDate.of(2026, 1, 2),
            Duration.ofMinutes(3))) {
      Object back = roundTrip(v, "json");
      assertEquals(v, back, "round trip of " + v.getClass());
      assertEquals(v.getClass(), back.getClass());
    }
    assertNull(roundTrip(null, "json"));
    assertTrue(((Double) roundTrip(Double.NaN, "json")).isNaN());
    assertArrayEquals(new double[] {1.5, -2}, (double[]) roundTrip(new double[] {1.5, -2}, "json"));
  }

  @Test
  void records() {
    Model m = new Model("rf", 0.93, List.of("age", "bmi"), Map.of("trees", 100));
    assertEquals(m, roundTrip(m, "json"));
    Report r =
        new Report(
            m,
            List.of(m, new Model("lr", 0.9, List.of(), Map.of())),
            Kind.TREE,
            LocalDate.of(2026, 11, 26),
            Instant.parse("2026-11-26T04:05:06.789Z"),
            Duration.ofMillis(1500));
    assertEquals(r, roundTrip(r, "json"));
  }

  @Test
  void aListOfRecordsComesBackAsRecords() {
    List<Model> models =
        List.of(
            new Model("a", 0.1, List.of("x"), Map.of()),
            new Model("b", 0.2, List.of(), Map.of("k", 1)));
    Object back = roundTrip(models, "json");
    assertEquals(models, back);
    assertInstanceOf(Model.class, ((List<?>) back).get(0));
    List<List<Model>> nested = List.of(models, List.of());
    assertEquals(nested, roundTrip(nested, "json"));
  }

  @Test
  void mapsAndSetsKeepTheirElementTypes() {
    Map<String, Model> byName = new LinkedHashMap<>();
    byName.put("b", new Model("b", 0.5, List.of(), Map.of()));
    byName.put("a", new Model("a", 0.7, List.of(), Map.of()));
    Object back = roundTrip(byName, "json");
    assertEquals(byName, back);
    assertInstanceOf(Model.class, ((Map<?, ?>) back).get("a"));
    Map<Integer, List<Double>> numbers = new TreeMap<>(Map.of(1, List.of(1.0, 2.0), 2, List.of()));
    Object numbersBack = roundTrip(numbers, "json");
    assertEquals(numbers, numbersBack);
    assertInstanceOf(Integer.class, ((Map<?, ?>) numbersBack).keySet().iterator().next());
    assertEquals(Set.of(Kind.TREE, Kind.LINEAR), roundTrip(Set.of(Kind.TREE, Kind.LINEAR), "json"));
    List<Number> mixed = new ArrayList<>(List.of(1, 2.5, 3L));
    assertEquals(List.of(1, 2.5, 3L).size(), ((List<?>) roundTrip(mixed, "json")).size());
  }

  @Test
  void pojos() {
    Bean back = (Bean) roundTrip(new Bean("x", new int[] {1, 2}), "json");
    assertEquals("x", back.getLabel());
    assertArrayEquals(new int[] {1, 2}, back.getSizes());
  }

  @Test
  void theDeclaredTypeIsUsedWhenTheStoredOneDoesNotFit() {
    ArtifactRef ref = store.put(List.of(1, 2), "s");
    assertEquals(List.of(1, 2), store.get(ref, List.class));
    Object asArray = store.get(ref, long[].class);
    assertArrayEquals(new long[] {1, 2}, (long[]) asArray);
  }

  @Test
  void aFileIsCopiedIntoTheStore() throws Exception {
    Path file = Files.writeString(dir.resolve("model.bin"), "weights");
    Path back = (Path) roundTrip(file, "path");
    Files.delete(file);
    assertTrue(back.startsWith(store.root()));
    assertEquals("model.bin", back.getFileName().toString());
    assertEquals("weights", Files.readString(back));
  }

  @Test
  void aDirectoryIsCopiedWithItsTree() throws Exception {
    Path out = Files.createDirectories(dir.resolve("export"));
    Files.writeString(out.resolve("a.txt"), "A");
    Files.createDirectories(out.resolve("sub/empty"));
    Files.writeString(out.resolve("sub/b.txt"), "B");
    ArtifactRef ref = store.put(out, "export");
    Path back = (Path) store.get(ref, Path.class);
    assertEquals("export", back.getFileName().toString());
    assertEquals("A", Files.readString(back.resolve("a.txt")));
    assertEquals("B", Files.readString(back.resolve("sub/b.txt")));
    assertTrue(Files.isDirectory(back.resolve("sub/empty")));
    assertEquals(back, store.get(ref, Path.class), "unpacked once, then reused");
    Files.writeString(out.resolve("a.txt"), "A");
    assertEquals(ref, store.put(out, "export"), "equal contents give equal artifacts");
  }

  @Test
  void registeredCodecsAreFoundThroughServiceLoader() {
    List<String> ids = Codecs.standard().all().stream().map(Codec::id).toList();
    assertEquals(List.of("test-upper", "path", "json"), ids);
    ArtifactRef ref = store.put(new Shout("hey"), "s");
    assertEquals("test-upper", ref.codec());
    assertEquals(new Shout("HEY"), store.get(ref, Object.class));
  }

  @Test
  void anEmptyPathIsAnUnsetParameterNotTheWorkingDirectory(@TempDir Path emptyDir)
      throws Exception {
    PathCodec codec = new PathCodec();
    java.io.ByteArrayOutputStream unset = new java.io.ByteArrayOutputStream();
    codec.writeKey(Path.of(""), unset);
    java.io.ByteArrayOutputStream dir = new java.io.ByteArrayOutputStream();
    codec.writeKey(emptyDir, dir);
    // The working directory (this module, with its sources and build output) is not read.
    assertTrue(unset.size() < 16, "key of " + unset.size() + " bytes");
    assertTrue(!java.util.Arrays.equals(unset.toByteArray(), dir.toByteArray()));
  }
}
