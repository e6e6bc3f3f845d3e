package dev.stagecraft.runtime.report;

/**
 * Text for the page: escaping for the inline SVG that {@link DagSvg} and {@link TimelineSvg} build
 * (element content and quoted attribute values alike; the templates are escaped by jte), and the
 * control characters that HTML does not allow, which jte's escaping keeps.
 */
final class Html {
  private static final char REPLACEMENT = '\uFFFD';

  private Html() {}

  /** The text with {@code & < > " '} replaced by character references; {@code null} as empty. */
  static String escape(Object text) {
    String s = text == null ? "" : text.toString();
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(forbidden(c) ? REPLACEMENT : c);
      }
    }
    return b.toString();
  }

  /** The text with each control character that HTML does not allow replaced by U+FFFD. */
  static String printable(String text) {
    StringBuilder b = null;
    for (int i = 0; i < text.length(); i++) {
      if (forbidden(text.charAt(i))) {
        b = b == null ? new StringBuilder(text) : b;
        b.setCharAt(i, REPLACEMENT);
      }
    }
    return b == null ? text : b.toString();
  }

  /** The text cut to {@code max} characters, ending in an ellipsis when cut. */
  static String shorten(String text, int max) {
    return text.length() <= max ? text : text.substring(0, Math.max(1, max - 1)) + "\u2026";
  }

  /** Control characters other than tab and line breaks are not allowed in HTML text. */
  private static boolean forbidden(char c) {
    return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
  }
}
