package dev.stagecraft.runtime.engine;

/**
 * The short text that names a fan-out instance's item wherever a person reads it (the progress, the
 * run history, {@code show}, the report): the item's {@code toString}, cut to {@value #MAX_LENGTH}
 * characters. The full item stays in the stored outputs, never in history rows.
 */
public final class ItemLabel {
  /** The longest label, in characters, before it is cut with an ellipsis. */
  public static final int MAX_LENGTH = 40;

  private ItemLabel() {}

  /** The label of {@code item}: {@code "null"}, or its text cut to {@link #MAX_LENGTH}. */
  public static String of(Object item) {
    String text = String.valueOf(item).replaceAll("\\s+", " ").strip();
    if (text.length() <= MAX_LENGTH) {
      return text;
    }
    int end = MAX_LENGTH - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "\u2026";
  }
}
