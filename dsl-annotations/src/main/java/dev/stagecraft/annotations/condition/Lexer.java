package dev.stagecraft.annotations.condition;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a {@code @When} expression into tokens. Stops at the first lexical error. Numbers are
 * decimal with an optional sign, fraction and exponent ({@code 1e9}, {@code 0.8}, {@code -2});
 * strings use single or double quotes with the escapes {@code \\ \' \" \n \t \r}.
 */
final class Lexer {
  private final String source;
  private int pos;

  private Lexer(String source) {
    this.source = source;
  }

  /** The tokens of {@code source}, ending with one {@link TokenKind#END} token. */
  static List<Token> tokenize(String source) throws ConditionSyntaxException {
    return new Lexer(source).run();
  }

  private List<Token> run() throws ConditionSyntaxException {
    List<Token> tokens = new ArrayList<>();
    while (true) {
      skipWhitespace();
      if (pos >= source.length()) {
        tokens.add(new Token(TokenKind.END, "", pos + 1));
        return tokens;
      }
      tokens.add(next());
    }
  }

  private void skipWhitespace() {
    while (pos < source.length() && Character.isWhitespace(source.charAt(pos))) {
      pos++;
    }
  }

  private Token next() throws ConditionSyntaxException {
    int start = pos;
    char c = source.charAt(pos);
    if (isDigit(c) || (c == '-' && pos + 1 < source.length() && isDigit(source.charAt(pos + 1)))) {
      return number();
    }
    if (c == '\'' || c == '"') {
      return string(c);
    }
    if (Character.isJavaIdentifierStart(c)) {
      return word();
    }
    pos++;
    return switch (c) {
      case '(' -> token(TokenKind.LPAREN, start);
      case ')' -> token(TokenKind.RPAREN, start);
      case '[' -> token(TokenKind.LBRACKET, start);
      case ']' -> token(TokenKind.RBRACKET, start);
      case ',' -> token(TokenKind.COMMA, start);
      case '.' -> token(TokenKind.DOT, start);
      case '<' -> token(accept('=') ? TokenKind.LE : TokenKind.LT, start);
      case '>' -> token(accept('=') ? TokenKind.GE : TokenKind.GT, start);
      case '!' -> token(accept('=') ? TokenKind.NE : TokenKind.NOT, start);
      case '=' -> {
        if (accept('=')) {
          yield token(TokenKind.EQ, start);
        }
        throw new ConditionSyntaxException("unexpected '=' (use '==' to compare)", start + 1);
      }
      case '&' -> {
        if (accept('&')) {
          yield token(TokenKind.AND, start);
        }
        throw new ConditionSyntaxException("unexpected '&' (use '&&' for and)", start + 1);
      }
      case '|' -> {
        if (accept('|')) {
          yield token(TokenKind.OR, start);
        }
        throw new ConditionSyntaxException("unexpected '|' (use '||' for or)", start + 1);
      }
      default ->
          throw new ConditionSyntaxException(
              "unexpected character '"
                  + new String(Character.toChars(source.codePointAt(start)))
                  + "'",
              start + 1);
    };
  }

  private boolean accept(char expected) {
    if (pos < source.length() && source.charAt(pos) == expected) {
      pos++;
      return true;
    }
    return false;
  }

  private Token token(TokenKind kind, int start) {
    return new Token(kind, source.substring(start, pos), start + 1);
  }

  private Token number() throws ConditionSyntaxException {
    int start = pos;
    if (source.charAt(pos) == '-') {
      pos++;
    }
    digits();
    if (pos < source.length() && source.charAt(pos) == '.') {
      pos++;
      if (!atDigit()) {
        throw malformed(start, "expected digits after '.'");
      }
      digits();
    }
    if (pos < source.length() && (source.charAt(pos) == 'e' || source.charAt(pos) == 'E')) {
      pos++;
      if (pos < source.length() && (source.charAt(pos) == '+' || source.charAt(pos) == '-')) {
        pos++;
      }
      if (!atDigit()) {
        throw malformed(start, "expected digits after 'e'");
      }
      digits();
    }
    if (pos < source.length() && Character.isJavaIdentifierPart(source.charAt(pos))) {
      while (pos < source.length() && Character.isJavaIdentifierPart(source.charAt(pos))) {
        pos++;
      }
      throw malformed(start, "a number cannot run into a name");
    }
    String text = source.substring(start, pos);
    if (Double.isInfinite(Double.parseDouble(text))) {
      throw new ConditionSyntaxException("number " + text + " is out of range", start + 1);
    }
    return new Token(TokenKind.NUMBER, text, start + 1);
  }

  private ConditionSyntaxException malformed(int start, String why) {
    return new ConditionSyntaxException(
        "malformed number '" + source.substring(start, pos) + "': " + why, start + 1);
  }

  private boolean atDigit() {
    return pos < source.length() && isDigit(source.charAt(pos));
  }

  private void digits() {
    while (atDigit()) {
      pos++;
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private Token string(char quote) throws ConditionSyntaxException {
    int start = pos;
    pos++;
    StringBuilder value = new StringBuilder();
    while (pos < source.length()) {
      char c = source.charAt(pos);
      if (c == quote) {
        pos++;
        return new Token(TokenKind.STRING, value.toString(), start + 1);
      }
      if (c == '\\') {
        if (pos + 1 >= source.length()) {
          break;
        }
        char escaped = source.charAt(pos + 1);
        value.append(
            switch (escaped) {
              case '\\' -> '\\';
              case '\'' -> '\'';
              case '"' -> '"';
              case 'n' -> '\n';
              case 't' -> '\t';
              case 'r' -> '\r';
              default ->
                  throw new ConditionSyntaxException(
                      "unknown escape '\\"
                          + escaped
                          + "' in string (use \\\\, \\', \\\", \\n, \\t or \\r)",
                      pos + 1);
            });
        pos += 2;
      } else {
        value.append(c);
        pos++;
      }
    }
    throw new ConditionSyntaxException("unterminated string: add the closing " + quote, start + 1);
  }

  private Token word() {
    int start = pos;
    while (pos < source.length() && Character.isJavaIdentifierPart(source.charAt(pos))) {
      pos++;
    }
    String text = source.substring(start, pos);
    TokenKind kind =
        switch (text) {
          case "true" -> TokenKind.TRUE;
          case "false" -> TokenKind.FALSE;
          case "null" -> TokenKind.NULL;
          case "in" -> TokenKind.IN;
          default -> TokenKind.IDENTIFIER;
        };
    return new Token(kind, text, start + 1);
  }
}
