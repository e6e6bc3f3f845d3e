package dev.stagecraft.runtime.components.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagecraft.runtime.store.Codec;
import dev.stagecraft.runtime.store.artifact.ArtifactRef;
import dev.stagecraft.runtime.store.artifact.ArtifactStore;
import dev.stagecraft.runtime.store.cache.CacheKey;
import dev.stagecraft.runtime.store.codec.Codecs;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The components' codecs reach the store through the SPI, and tables round-trip through it. */
class TableCodecTest {
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
  void theComponentsRegisterTheirCodecsBeforeTheBuiltIns() {
    List<String> ids = Codecs.standard().all().stream().map(Codec::id).toList();
    assertEquals(List.of("tablesaw", "tribuo", "path", "json"), ids);
  }

  @Test
  void tablesKeepColumnTypesAndMissingValues() {
    Table t =
        Table.create(
            "patients",
            IntColumn.create("id", new int[] {1, 2, 3}),
            DoubleColumn.create("bmi", new double[] {21.5, Double.NaN, 30.25}),
            StringColumn.create("diagnosis", new String[] {"M", "", "B"}),
            BooleanColumn.create("smoker", new boolean[] {true, false, true}),
            DateColumn.create(
                "seen",
                new LocalDate[] {LocalDate.of(2024, 2, 29), null, LocalDate.of(1999, 12, 31)}),
            LongColumn.create("visits", new long[] {5L, Long.MIN_VALUE, 1L << 40}),
            DateTimeColumn.create(
                "admitted",
                new java.time.LocalDateTime[] {
                  java.time.LocalDateTime.of(2024, 1, 1, 8, 30),
                  null,
                  java.time.LocalDateTime.of(2025, 6, 1, 0, 0, 1)
                }));
    t.booleanColumn("smoker").setMissing(1);
    Table back = (Table) roundTrip(t, "tablesaw");
    assertEquals("patients", back.name());
    assertEquals(t.columnNames(), back.columnNames());
    assertEquals(Arrays.asList(t.types().toArray()), Arrays.asList(back.types().toArray()));
    assertEquals(
        List.of(
            ColumnType.INTEGER,
            ColumnType.DOUBLE,
            ColumnType.STRING,
            ColumnType.BOOLEAN,
            ColumnType.LOCAL_DATE,
            ColumnType.LONG,
            ColumnType.LOCAL_DATE_TIME),
        back.types());
    assertEquals(t.print(), back.print());
    for (int c = 0; c < t.columnCount(); c++) {
      for (int r = 0; r < t.rowCount(); r++) {
        assertEquals(
            t.column(c).isMissing(r), back.column(c).isMissing(r), "missing at " + c + "," + r);
      }
    }
    assertTrue(back.doubleColumn("bmi").isMissing(1));
    assertTrue(back.booleanColumn("smoker").isMissing(1));
    assertTrue(back.dateColumn("seen").isMissing(1));
    assertEquals(LocalDate.of(2024, 2, 29), back.dateColumn("seen").get(0));
    assertEquals(1L << 40, back.longColumn("visits").getLong(2));
  }

  @Test
  void anEmptyTableRoundTrips() {
    Table t = Table.create("empty", DoubleColumn.create("x"), StringColumn.create("y"));
    Table back = (Table) roundTrip(t, "tablesaw");
    assertEquals(0, back.rowCount());
    assertEquals(t.types(), back.types());
  }

  @Test
  void tablesAreKeyedByContent() {
    Table t1 = Table.create("t", DoubleColumn.create("x", new double[] {1, 2}));
    Table t2 = Table.create("t", DoubleColumn.create("x", new double[] {1, 2}));
    Table t3 = Table.create("t", DoubleColumn.create("x", new double[] {1, 3}));
    Codecs codecs = Codecs.standard();
    CacheKey k1 = CacheKey.builder("p", "s", "1").input("data", t1).build(codecs);
    assertEquals(k1, CacheKey.builder("p", "s", "1").input("data", t2).build(codecs));
    assertNotEquals(k1, CacheKey.builder("p", "s", "1").input("data", t3).build(codecs));
  }
}
