package dev.stagecraft.runtime.components.data;

/** How {@link Scaler} scales numeric features; {@code NONE} leaves them. */
public enum ScaleMethod {
  NONE,
  STANDARD,
  ROBUST,
  MINMAX;

  /** The method written as on the command line ({@code robust}, case-insensitive). */
  public static ScaleMethod parse(String text) {
    return OptionValues.parseEnum(ScaleMethod.class, "--scale", text);
  }
}
