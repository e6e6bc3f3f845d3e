package dev.stagecraft.annotations.condition;

import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser for the {@code @When} grammar (in the Javadoc of {@code @When}). Stops
 * at the first syntax error, saying what it expected.
 *
 * <pre>
 * expr := or ;  or := and ('||' and)* ;  and := not ('&amp;&amp;' not)* ;  not := '!' not | cmp
 * cmp  := operand (('=='|'!='|'&lt;'|'&lt;='|'&gt;'|'&gt;=') operand | 'in' '[' literal (',' literal)* ']')?
 * operand := literal | path | '(' expr ')' ;  path := IDENT ('.' IDENT)*
 * </pre>
 */
final class Parser {
  private static final String VALUE = "a name, number, string, true, false, null or '('";

  /** Deeper nesting than any real condition; keeps a pathological string from overflowing. */
  static final int MAX_DEPTH = 100;

  private final List<Token> tokens;
  private int index;
  private int depth;

  private Parser(List<Token> tokens) {
    this.tokens = tokens;
  }

  /** Parses a whole expression. */
  static Expr parse(String source) throws ConditionSyntaxException {
    List<Token> tokens = Lexer.tokenize(source);
    if (tokens.get(0).kind() == TokenKind.END) {
      throw new ConditionSyntaxException(
          "empty expression: write a condition such as 'enableAbTesting' or"
              + " 'abTest.confidence > 0.8'",
          1);
    }
    Parser parser = new Parser(tokens);
    Expr expr = parser.or();
    Token rest = parser.peek();
    if (rest.kind() != TokenKind.END) {
      if (ComparisonOperator.of(rest.kind()) != null || rest.kind() == TokenKind.IN) {
        throw new ConditionSyntaxException(
            "unexpected "
                + rest.describe()
                + ": comparisons cannot be chained, combine them with && or use parentheses",
            rest.column());
      }
      if (rest.kind() == TokenKind.RPAREN) {
        throw new ConditionSyntaxException("unexpected ')' without a matching '('", rest.column());
      }
      throw new ConditionSyntaxException(
          "unexpected "
              + rest.describe()
              + ": expected an operator (&&, ||, ==, !=, <, <=, >, >=, in) or the end",
          rest.column());
    }
    return expr;
  }

  private Token peek() {
    return tokens.get(index);
  }

  private Token advance() {
    Token token = tokens.get(index);
    if (token.kind() != TokenKind.END) {
      index++;
    }
    return token;
  }

  private boolean at(TokenKind kind) {
    return peek().kind() == kind;
  }

  private Expr or() throws ConditionSyntaxException {
    Expr left = and();
    while (at(TokenKind.OR)) {
      Token operator = advance();
      left = new Expr.Logical(LogicalOperator.OR, left, and(), operator.column());
    }
    return left;
  }

  private Expr and() throws ConditionSyntaxException {
    Expr left = not();
    while (at(TokenKind.AND)) {
      Token operator = advance();
      left = new Expr.Logical(LogicalOperator.AND, left, not(), operator.column());
    }
    return left;
  }

  private Expr not() throws ConditionSyntaxException {
    if (at(TokenKind.NOT)) {
      Token bang = advance();
      enter(bang);
      Expr operand = not();
      depth--;
      return new Expr.Not(operand, bang.column());
    }
    return comparison();
  }

  private void enter(Token token) throws ConditionSyntaxException {
    if (++depth > MAX_DEPTH) {
      throw new ConditionSyntaxException(
          "expression nested too deeply (more than " + MAX_DEPTH + " levels of '(' or '!')",
          token.column());
    }
  }

  private Expr comparison() throws ConditionSyntaxException {
    Expr left = operand();
    ComparisonOperator operator = ComparisonOperator.of(peek().kind());
    if (operator != null) {
      Token token = advance();
      return new Expr.Comparison(operator, left, operand(), token.column());
    }
    if (at(TokenKind.IN)) {
      Token in = advance();
      return new Expr.Membership(left, list(), in.column());
    }
    return left;
  }

  private List<Expr.Literal> list() throws ConditionSyntaxException {
    expect(TokenKind.LBRACKET, "'[' after 'in'");
    List<Expr.Literal> values = new ArrayList<>();
    values.add(listValue());
    while (at(TokenKind.COMMA)) {
      advance();
      values.add(listValue());
    }
    expect(TokenKind.RBRACKET, "',' or ']' in the 'in' list");
    return values;
  }

  private Expr.Literal listValue() throws ConditionSyntaxException {
    Expr.Literal literal = literal(peek());
    if (literal == null) {
      throw unexpected("a number, string, true, false or null in the 'in' list");
    }
    advance();
    return literal;
  }

  private Expr operand() throws ConditionSyntaxException {
    Token token = peek();
    Expr.Literal literal = literal(token);
    if (literal != null) {
      advance();
      return literal;
    }
    if (token.kind() == TokenKind.IDENTIFIER) {
      return path();
    }
    if (token.kind() == TokenKind.LPAREN) {
      advance();
      enter(token);
      Expr inner = or();
      depth--;
      if (!at(TokenKind.RPAREN)) {
        throw unexpected("')' to close the '(' at column " + token.column());
      }
      advance();
      return inner;
    }
    throw unexpected(VALUE);
  }

  private Expr.Path path() throws ConditionSyntaxException {
    List<String> segments = new ArrayList<>();
    List<Integer> columns = new ArrayList<>();
    Token first = advance();
    segments.add(first.text());
    columns.add(first.column());
    while (at(TokenKind.DOT)) {
      advance();
      Token segment = peek();
      if (segment.kind() != TokenKind.IDENTIFIER) {
        throw unexpected("a property name after '.'");
      }
      advance();
      segments.add(segment.text());
      columns.add(segment.column());
    }
    return new Expr.Path(segments, columns);
  }

  private static Expr.Literal literal(Token token) {
    return switch (token.kind()) {
      case NUMBER -> new Expr.NumberLiteral(token.text(), isIntegral(token.text()), token.column());
      case STRING -> new Expr.StringLiteral(token.text(), token.column());
      case TRUE -> new Expr.BooleanLiteral(true, token.column());
      case FALSE -> new Expr.BooleanLiteral(false, token.column());
      case NULL -> new Expr.NullLiteral(token.column());
      default -> null;
    };
  }

  private static boolean isIntegral(String text) {
    if (text.indexOf('.') >= 0 || text.indexOf('e') >= 0 || text.indexOf('E') >= 0) {
      return false;
    }
    try {
      Long.parseLong(text);
      return true;
    } catch (NumberFormatException tooLarge) {
      return false;
    }
  }

  private void expect(TokenKind kind, String expected) throws ConditionSyntaxException {
    if (!at(kind)) {
      throw unexpected(expected);
    }
    advance();
  }

  private ConditionSyntaxException unexpected(String expected) {
    Token found = peek();
    String actual =
        found.kind() == TokenKind.END ? "the expression ended" : "found " + found.describe();
    return new ConditionSyntaxException("expected " + expected + " but " + actual, found.column());
  }
}
