package dev.stagecraft.annotations.condition;

/**
 * One token of a {@code @When} expression.
 *
 * @param text the source text, except for strings: their decoded value
 * @param column 1-based position of the token's first character
 */
record Token(TokenKind kind, String text, int column) {

  /** How the token reads in a message: {@code "'&&'"}, {@code "name 'foo'"}, {@code "number 5"}. */
  String describe() {
    return switch (kind) {
      case IDENTIFIER -> "name '" + text + "'";
      case NUMBER -> "number " + text;
      case STRING -> "string '" + text + "'";
      default -> kind.description();
    };
  }
}
