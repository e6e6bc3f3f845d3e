package dev.stagecraft.runtime.plan.optimize;

import dev.stagecraft.annotations.syntax.Suggestions;
import dev.stagecraft.runtime.plan.ConfigException;
import dev.stagecraft.runtime.plan.ConfigProblem;
import dev.stagecraft.runtime.plan.ConfigTree;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What resources cost, for a plan's predicted cost and a pipeline's cost per run. The defaults are
 * round figures of public clouds' on-demand list prices; a prices file ({@code --prices FILE})
 * overrides any of them:
 *
 * <pre>
 * currency: EUR
 * coreHour: 0.03          # one reserved core for an hour
 * gibHour: 0.004          # one reserved GiB of memory for an hour
 * gpuHour: 0.35           # one reserved GPU for an hour
 * storageGibMonth: 0.02   # one GiB of stored outputs for a month
 * networkGib: 0.01        # one GiB read by a stage in another pod
 * retentionDays: 30       # how long outputs are kept
 * </pre>
 *
 * @param source {@code defaults}, or the file the prices were read from
 */
public record Prices(
    String currency,
    double coreHour,
    double gibHour,
    double gpuHour,
    double storageGibMonth,
    double networkGib,
    double retentionDays,
    String source) {

  /** The defaults: USD 0.0316 per core-hour, 0.0042 per GiB-hour, ..., outputs kept 30 days. */
  public static final Prices DEFAULTS =
      new Prices("USD", 0.0316, 0.0042, 0.35, 0.023, 0.01, 30, "defaults");

  /** The keys of a prices file, in the order they are printed. */
  public static final List<String> KEYS =
      List.of(
          "currency",
          "coreHour",
          "gibHour",
          "gpuHour",
          "storageGibMonth",
          "networkGib",
          "retentionDays");

  public Prices {
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(source, "source");
  }

  /**
   * Reads a prices file's tree: a mapping of some of {@link #KEYS} to values; the others keep their
   * defaults.
   *
   * @throws ConfigException listing every problem with its line and key
   */
  public static Prices read(ConfigTree root, String file) {
    if (!(root instanceof ConfigTree.Mapping mapping)) {
      throw new ConfigException(
          List.of(
              problem(
                  file,
                  root,
                  "prices are a mapping such as 'coreHour: 0.03', not " + root.describe())));
    }
    Map<String, Double> numbers = new LinkedHashMap<>();
    String currency = DEFAULTS.currency;
    List<ConfigProblem> problems = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (ConfigTree.Entry e : mapping.entries()) {
      ConfigTree value = e.value();
      String key = e.name();
      if (!KEYS.contains(key)) {
        problems.add(
            problem(
                file,
                value,
                "unknown price '"
                    + key
                    + "'"
                    + Suggestions.closest(key, KEYS)
                        .map(c -> " (did you mean '" + c + "'?)")
                        .orElse("; prices: " + String.join(", ", KEYS))));
      } else if (!seen.add(key)) {
        problems.add(problem(file, value, "'" + key + "' is given twice"));
      } else if (!(value instanceof ConfigTree.Scalar scalar) || scalar.isNull()) {
        problems.add(problem(file, value, "'" + key + "' needs a value, not " + value.describe()));
      } else if (key.equals("currency")) {
        currency = scalar.text().trim();
        if (currency.isEmpty()) {
          problems.add(problem(file, value, "the currency needs a name, such as USD or EUR"));
        }
      } else {
        try {
          double v = new BigDecimal(scalar.text().trim()).doubleValue();
          if (v < 0 || key.equals("retentionDays") && v == 0 || Double.isInfinite(v)) {
            problems.add(
                problem(
                    file,
                    value,
                    "'"
                        + key
                        + "' cannot be "
                        + scalar.text().trim()
                        + (key.equals("retentionDays")
                            ? ": give more than 0 days"
                            : ": give a price of 0 or more")));
          } else {
            numbers.put(key, v);
          }
        } catch (NumberFormatException notANumber) {
          problems.add(
              problem(
                  file,
                  value,
                  "'"
                      + key
                      + "' is '"
                      + scalar.text().trim()
                      + "', not a number (write 0.03, without a currency sign)"));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new Prices(
        currency,
        numbers.getOrDefault("coreHour", DEFAULTS.coreHour),
        numbers.getOrDefault("gibHour", DEFAULTS.gibHour),
        numbers.getOrDefault("gpuHour", DEFAULTS.gpuHour),
        numbers.getOrDefault("storageGibMonth", DEFAULTS.storageGibMonth),
        numbers.getOrDefault("networkGib", DEFAULTS.networkGib),
        numbers.getOrDefault("retentionDays", DEFAULTS.retentionDays),
        file);
  }

  /** The prices in one line: {@code USD: core-hour 0.0316, GiB-hour 0.0042, ...}. */
  public String describe() {
    return String.format(
        Locale.ROOT,
        "%s per core-hour %s, GiB-hour %s, GPU-hour %s, stored GiB-month %s (kept %s days), GiB"
            + " moved %s",
        currency,
        number(coreHour),
        number(gibHour),
        number(gpuHour),
        number(storageGibMonth),
        number(retentionDays),
        number(networkGib));
  }

  private static String number(double v) {
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  private static ConfigProblem problem(String file, ConfigTree node, String message) {
    return new ConfigProblem(file, node.line(), node.key(), message);
  }
}
