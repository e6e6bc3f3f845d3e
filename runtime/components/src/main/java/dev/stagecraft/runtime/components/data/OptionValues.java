package dev.stagecraft.runtime.components.data;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Parses option values (enum constants written in lower case, numbers) with one-line errors. */
final class OptionValues {
  private OptionValues() {}

  /** The constant of {@code type} written as {@code text} (case-insensitive, '-' or '_'). */
  static <E extends Enum<E>> E parseEnum(Class<E> type, String option, String text) {
    String wanted = text == null ? "" : text.strip().replace('-', '_').toUpperCase(Locale.ROOT);
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(wanted)) {
        return constant;
      }
    }
    throw new DataException(
        "unknown "
            + option
            + " value '"
            + text
            + "'; use one of "
            + Arrays.stream(type.getEnumConstants())
                .map(OptionValues::display)
                .collect(Collectors.joining(", ")));
  }

  /** How a constant is written: lower case. */
  static String display(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT);
  }
}
