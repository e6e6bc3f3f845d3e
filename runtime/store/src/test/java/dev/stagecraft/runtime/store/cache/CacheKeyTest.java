package dev.stagecraft.runtime.store.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.runtime.store.codec.Codecs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheKeyTest {
  record Prepared(String target, List<Double> means) {}

  static final Codecs CODECS = Codecs.standard();

  @TempDir Path dir;

  private static CacheKey.Builder base() {
    return CacheKey.builder("advanced-ml", "train", "1")
        .input("preprocess", new Prepared("diagnosis", List.of(1.0, 2.0)))
        .param("targetColumn", "diagnosis")
        .param("epochs", 10)
        .item("a");
  }

  @Test
  void theSamePartsGiveTheSameKeyInAnyOrder() {
    CacheKey one = base().build(CODECS);
    CacheKey two =
        CacheKey.builder("advanced-ml", "train", "1")
            .item("a")
            .param("epochs", 10)
            .param("targetColumn", "diagnosis")
            .input("preprocess", new Prepared("diagnosis", List.of(1.0, 2.0)))
            .build(CODECS);
    assertEquals(one, two);
    assertTrue(one.hex().matches("[0-9a-f]{64}"), one.hex());
    assertEquals(one, base().build(Codecs.standard()), "stable across codec instances");
  }

  @Test
  void mapsWithTheSameEntriesGiveTheSameKeyWhateverTheirOrder() {
    Map<String, Integer> a = new LinkedHashMap<>();
    a.put("x", 1);
    a.put("y", 2);
    Map<String, Integer> b = new LinkedHashMap<>();
    b.put("y", 2);
    b.put("x", 1);
    assertEquals(key(k -> k.input("counts", a)), key(k -> k.input("counts", b)));
    assertEquals(key(k -> k.input("counts", new HashMap<>(a))), key(k -> k.input("counts", a)));
  }

  @Test
  void changingAnyPartChangesTheKey() {
    List<CacheKey> keys =
        List.of(
            base().build(CODECS),
            CacheKey.builder("other-pipeline", "train", "1")
                .input("preprocess", new Prepared("diagnosis", List.of(1.0, 2.0)))
                .param("targetColumn", "diagnosis")
                .param("epochs", 10)
                .item("a")
                .build(CODECS),
            CacheKey.builder("advanced-ml", "evaluate", "1")
                .input("preprocess", new Prepared("diagnosis", List.of(1.0, 2.0)))
                .param("targetColumn", "diagnosis")
                .param("epochs", 10)
                .item("a")
                .build(CODECS),
            CacheKey.builder("advanced-ml", "train", "2")
                .input("preprocess", new Prepared("diagnosis", List.of(1.0, 2.0)))
                .param("targetColumn", "diagnosis")
                .param("epochs", 10)
                .item("a")
                .build(CODECS),
            key(k -> k.input("preprocess", new Prepared("diagnosis", List.of(1.0, 2.5)))),
            key(k -> k.input("preprocess", new Prepared("label", List.of(1.0, 2.0)))),
            key(k -> k.param("epochs", 11)),
            key(k -> k.param("epochs", 10L)),
            key(k -> k.param("epochs", "10")),
            key(k -> k.param("targetColumn", "Diagnosis")),
            key(k -> k.param("extra", true)),
            key(k -> k.input("ingest", List.of())),
            key(k -> k.item("b")),
            key(k -> k.item(null)),
            CacheKey.builder("advanced-ml", "train", "1")
                .input("preprocess", new Prepared("diagnosis", List.of(1.0, 2.0)))
                .param("targetColumn", "diagnosis")
                .param("epochs", 10)
                .build(CODECS));
    Set<CacheKey> distinct = new HashSet<>(keys);
    assertEquals(keys.size(), distinct.size(), "every change gives a new key: " + keys);
  }

  @Test
  void namesAndValuesCannotTradePlaces() {
    CacheKey a = CacheKey.builder("p", "s", "1").param("ab", "c").build(CODECS);
    CacheKey b = CacheKey.builder("p", "s", "1").param("a", "bc").build(CODECS);
    CacheKey c = CacheKey.builder("p", "s", "1").input("ab", "c").build(CODECS);
    assertNotEquals(a, b);
    assertNotEquals(a, c);
    assertNotEquals(
        CacheKey.builder("p", "s1", "").build(CODECS),
        CacheKey.builder("p", "s", "1").build(CODECS));
  }

  @Test
  void filesAreKeyedByContent() throws Exception {
    Path file = Files.writeString(dir.resolve("data.csv"), "a,b\n1,2\n");
    CacheKey before = key(k -> k.param("inputDataPath", file));
    assertEquals(before, key(k -> k.param("inputDataPath", file)));
    Files.writeString(file, "a,b\n1,3\n");
    assertNotEquals(before, key(k -> k.param("inputDataPath", file)));

    Path tree = Files.createDirectories(dir.resolve("tree"));
    Files.writeString(tree.resolve("x.txt"), "x");
    CacheKey treeKey = key(k -> k.input("export", tree));
    Files.writeString(tree.resolve("y.txt"), "");
    CacheKey withEmptyFile = key(k -> k.input("export", tree));
    assertNotEquals(treeKey, withEmptyFile, "a new empty file changes the key");
    Files.delete(tree.resolve("y.txt"));
    Files.createDirectories(tree.resolve("y.txt"));
    assertNotEquals(
        withEmptyFile, key(k -> k.input("export", tree)), "a directory is not an empty file");
    Files.delete(tree.resolve("y.txt"));
    assertEquals(treeKey, key(k -> k.input("export", tree)));
  }

  private static CacheKey key(UnaryOperator<CacheKey.Builder> change) {
    return change.apply(base()).build(CODECS);
  }

  @Test
  void optimizationsArePartOfTheKeyAndNoneLeaveItAsItWas() {
    CacheKey plain = base().build(CODECS);
    assertEquals(plain, base().optimizations(List.of()).build(CODECS));
    CacheKey tuned = base().optimizations(List.of("batch_processing")).build(CODECS);
    assertNotEquals(plain, tuned);
    assertNotEquals(
        tuned, base().optimizations(List.of("batch_processing", "cache_warming")).build(CODECS));
    assertEquals(tuned, base().optimizations(List.of("batch_processing")).build(CODECS));
  }
}
