package dev.stagecraft.runtime.report;

/** Escaping of text for HTML and inline SVG: element content and quoted attribute values alike. */
final class Html {
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
        default -> {
          // control characters other than tab and newlines are not allowed in HTML text
          if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            b.append('\uFFFD');
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  /** The text cut to {@code max} characters, ending in an ellipsis when cut. */
  static String shorten(String text, int max) {
    return text.length() <= max ? text : text.substring(0, Math.max(1, max - 1)) + "\u2026";
  }
}
