package dev.stagecraft.annotations.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Quantities read and written back: byte counts, exact memory, CPU in millicores. */
class QuantitiesTest {

  @ParameterizedTest
  @CsvSource({
    "2e9, 2000000000",
    "1e9, 1000000000",
    "500M, 500000000",
    "2Gi, 2147483648",
    "1.5G, 1500000000",
    "0, 0",
    "1000000001, 1000000001"
  })
  void aByteCountAcceptsEveryQuantityThatIsAWholeNumberOfBytes(String text, long bytes) {
    assertEquals(bytes, Quantities.byteCount(text, "data_size"));
  }

  @Test
  void aByteCountRejectsFractionsNegativesAndUnits() {
    assertEquals(
        "data_size \"1.5\" is not a whole number of bytes (or too large)",
        assertThrows(IllegalArgumentException.class, () -> Quantities.byteCount("1.5", "data_size"))
            .getMessage());
    assertEquals(
        "data_size \"500m\" is bytes, and 'm' would make it a fraction of a byte (use 500M for"
            + " megabytes)",
        assertThrows(
                IllegalArgumentException.class, () -> Quantities.byteCount("500m", "data_size"))
            .getMessage());
    assertEquals(
        "data_size \"-1\" must not be negative",
        assertThrows(IllegalArgumentException.class, () -> Quantities.byteCount("-1", "data_size"))
            .getMessage());
    assertEquals(
        "data_size \"2GB\" is not a Kubernetes quantity (use 2Gi or 2G)",
        assertThrows(IllegalArgumentException.class, () -> Quantities.byteCount("2GB", "data_size"))
            .getMessage());
  }

  @ParameterizedTest
  @CsvSource({
    "2147483648, 2Gi",
    "1610612736, 1536Mi",
    "25769803776, 24Gi",
    "2000000000, 2G",
    "200000000, 200M",
    "1000000001, 1000000001",
    "0, 0"
  })
  void memoryIsWrittenExactlyWithTheLargestSuffixThatDividesIt(long bytes, String text) {
    assertEquals(text, Quantities.formatBytes(bytes));
    assertEquals(bytes, text.equals("0") ? 0 : Quantities.memoryBytes(text));
  }

  @ParameterizedTest
  @CsvSource({"3000, 3", "1500, 1500m", "500, 500m", "16000, 16"})
  void cpuIsWrittenInCoresWhenWholeElseInMillicores(long millis, String text) {
    assertEquals(text, Quantities.formatCpu(millis));
    assertEquals(millis, Quantities.cpuMillis(text));
  }
}
