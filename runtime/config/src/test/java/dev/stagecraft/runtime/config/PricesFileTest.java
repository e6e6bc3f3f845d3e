package dev.stagecraft.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.stagecraft.runtime.plan.ConfigException;
import dev.stagecraft.runtime.plan.optimize.Prices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A prices file ({@code --prices}): what it overrides, and every problem with its line and key. */
class PricesFileTest {
  @TempDir Path dir;

  private Path write(String yaml) throws Exception {
    return Files.writeString(dir.resolve("prices.yaml"), yaml);
  }

  private List<String> problems(String yaml) throws Exception {
    Path file = write(yaml);
    return assertThrows(ConfigException.class, () -> ConfigFiles.prices(file)).problems();
  }

  @Test
  void theFileOverridesWhatItGivesAndKeepsTheOtherDefaults() throws Exception {
    Path file = write("currency: EUR\ncoreHour: 0.05\nretentionDays: 15\n");
    Prices p = ConfigFiles.prices(file);

    assertEquals(
        new Prices(
            "EUR",
            0.05,
            Prices.DEFAULTS.gibHour(),
            Prices.DEFAULTS.gpuHour(),
            Prices.DEFAULTS.storageGibMonth(),
            Prices.DEFAULTS.networkGib(),
            15,
            file.toString()),
        p);
  }

  @Test
  void everyProblemIsReportedAtOnceWithItsLine() throws Exception {
    String f = dir.resolve("prices.yaml").toString();
    assertEquals(
        List.of(
            f + ":1: coreHours: unknown price 'coreHours' (did you mean 'coreHour'?)",
            f
                + ":2: gibHour: 'gibHour' is '$0.004', not a number (write 0.03, without a currency"
                + " sign)",
            f + ":3: gpuHour: 'gpuHour' cannot be -1: give a price of 0 or more",
            f + ":4: retentionDays: 'retentionDays' cannot be 0: give more than 0 days"),
        problems("coreHours: 0.03\ngibHour: $0.004\ngpuHour: -1\nretentionDays: 0\n"));
  }

  @Test
  void pricesAreAMapping() throws Exception {
    String f = dir.resolve("prices.yaml").toString();
    assertEquals(
        List.of(f + ":1: prices are a mapping such as 'coreHour: 0.03', not a list"),
        problems("- 0.03\n"));
  }
}
