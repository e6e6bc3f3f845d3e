package dev.stagecraft.runtime.components.data;

/** Whether {@link OutlierCapper} caps outliers ({@code IQR}) or not ({@code NONE}). */
public enum OutlierMethod {
  NONE,
  IQR;

  /** The method written as on the command line ({@code iqr}, case-insensitive). */
  public static OutlierMethod parse(String text) {
    return OptionValues.parseEnum(OutlierMethod.class, "--cap-outliers", text);
  }
}
