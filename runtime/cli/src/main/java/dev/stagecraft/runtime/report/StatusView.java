package dev.stagecraft.runtime.report;

/**
 * A stage state as the page shows it: its name for people and its colours.
 *
 * @param label {@code upstream failed}
 * @param fill the background colour, {@code #rrggbb}
 * @param stroke the border, text and bar colour, {@code #rrggbb}
 */
record StatusView(String label, String fill, String stroke) {
  /** The view of a state's name, {@link StatusStyle#NOT_RECORDED} included. */
  static StatusView of(String status) {
    return new StatusView(
        StatusStyle.label(status), StatusStyle.fill(status), StatusStyle.stroke(status));
  }
}
