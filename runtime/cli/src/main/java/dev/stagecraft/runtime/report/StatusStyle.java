package dev.stagecraft.runtime.report;

import dev.stagecraft.runtime.engine.StageStatus;
import java.util.Collection;
import java.util.List;

/** The colours of stage states, and the state a stage shows for all its instances. */
final class StatusStyle {
  /** What a stage shows when the run recorded no execution of it. */
  static final String NOT_RECORDED = "NOT_RECORDED";

  /** Most telling first: a stage with one failed instance shows FAILED. */
  private static final List<StageStatus> PRECEDENCE =
      List.of(
          StageStatus.FAILED,
          StageStatus.UPSTREAM_FAILED,
          StageStatus.CANCELLED,
          StageStatus.RUNNING,
          StageStatus.PENDING,
          StageStatus.SUCCEEDED,
          StageStatus.CACHED,
          StageStatus.SKIPPED);

  private StatusStyle() {}

  /** The state shown for a stage whose instances ended in these states. */
  static String aggregate(Collection<StageStatus> statuses) {
    for (StageStatus s : PRECEDENCE) {
      if (statuses.contains(s)) {
        return s.name();
      }
    }
    return NOT_RECORDED;
  }

  /** The fill colour for a state's name (a stage's, or a run's such as INTERRUPTED). */
  static String fill(String status) {
    return switch (status) {
      case "SUCCEEDED" -> "#d9f2dd";
      case "CACHED" -> "#d6e9fb";
      case "FAILED" -> "#fbd5d5";
      case "UPSTREAM_FAILED" -> "#fde6cc";
      case "SKIPPED" -> "#ececec";
      case "CANCELLED" -> "#e2dcef";
      case "INTERRUPTED" -> "#f3e0e0";
      case "RUNNING", "PENDING" -> "#fff4c2";
      default -> "#ffffff";
    };
  }

  /** The stroke (and bar) colour for a state's name. */
  static String stroke(String status) {
    return switch (status) {
      case "SUCCEEDED" -> "#2e8540";
      case "CACHED" -> "#2f6eb5";
      case "FAILED" -> "#c62828";
      case "UPSTREAM_FAILED" -> "#d9822b";
      case "SKIPPED" -> "#8a8a8a";
      case "CANCELLED" -> "#6a55a0";
      case "INTERRUPTED" -> "#a04040";
      case "RUNNING", "PENDING" -> "#c9a400";
      default -> "#9e9e9e";
    };
  }

  /** The state's name for people: {@code UPSTREAM_FAILED} as {@code upstream failed}. */
  static String label(String status) {
    return status.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }

  /** Every state, in the legend's order. */
  static List<String> legend() {
    return List.of(
        "SUCCEEDED",
        "CACHED",
        "FAILED",
        "UPSTREAM_FAILED",
        "SKIPPED",
        "CANCELLED",
        "RUNNING",
        NOT_RECORDED);
  }
}
