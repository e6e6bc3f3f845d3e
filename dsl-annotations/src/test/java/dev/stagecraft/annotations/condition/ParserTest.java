package dev.stagecraft.annotations.condition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The lexer and parser: the tree with its columns, and every syntax error with its column. */
class ParserTest {

  private static Expr parse(String source) {
    try {
      return Parser.parse(source);
    } catch (ConditionSyntaxException e) {
      throw new AssertionError("unexpected syntax error: " + e.getMessage(), e);
    }
  }

  private static Expr.Path path(String text, int column) {
    List<String> segments = List.of(text.split("\\."));
    Integer[] columns = new Integer[segments.size()];
    int at = column;
    for (int i = 0; i < segments.size(); i++) {
      columns[i] = at;
      at += segments.get(i).length() + 1;
    }
    return new Expr.Path(segments, List.of(columns));
  }

  @Test
  void andBindsTighterThanOr() {
    assertEquals(
        new Expr.Logical(
            LogicalOperator.OR,
            new Expr.Logical(
                LogicalOperator.AND,
                path("enableAbTesting", 1),
                new Expr.Comparison(
                    ComparisonOperator.GT,
                    path("abTest.confidence", 20),
                    new Expr.NumberLiteral("0.8", false, 40),
                    38),
                17),
            path("force", 47),
            44),
        parse("enableAbTesting && abTest.confidence > 0.8 || force"));
  }

  @Test
  void parenthesesAndNotGroup() {
    assertEquals(
        new Expr.Logical(
            LogicalOperator.AND,
            new Expr.Not(new Expr.Logical(LogicalOperator.OR, path("a", 3), path("b", 8), 5), 1),
            path("c", 14),
            11),
        parse("!(a || b) && c"));
    assertEquals(new Expr.Not(new Expr.Not(path("a", 3), 2), 1), parse("!!a"));
  }

  @Test
  void membershipKeepsItsLiterals() {
    Expr expr = parse("environment in ['dev', \"staging\"]");
    assertEquals(
        new Expr.Membership(
            path("environment", 1),
            List.of(new Expr.StringLiteral("dev", 17), new Expr.StringLiteral("staging", 24)),
            13),
        expr);
    assertEquals(1, expr.start());
  }

  @Test
  void literals() {
    assertEquals(new Expr.NumberLiteral("1e9", false, 1), parse("1e9"));
    assertEquals(new Expr.NumberLiteral("42", true, 1), parse("42"));
    assertEquals(new Expr.NumberLiteral("-2.5E-3", false, 1), parse("-2.5E-3"));
    assertEquals(
        new Expr.NumberLiteral("99999999999999999999", false, 1), parse("99999999999999999999"));
    assertEquals(new Expr.BooleanLiteral(true, 1), parse("true"));
    assertEquals(new Expr.BooleanLiteral(false, 2), parse(" false"));
    assertEquals(new Expr.NullLiteral(1), parse("null"));
  }

  @Test
  void stringEscapes() {
    assertEquals(
        new Expr.StringLiteral("it's \"q\" \\ \n\t\r", 1), parse("'it\\'s \"q\" \\\\ \\n\\t\\r'"));
    assertEquals(new Expr.StringLiteral("say \"hi\" it's", 1), parse("\"say \\\"hi\\\" it's\""));
  }

  @Test
  void comparisonOperators() {
    for (ComparisonOperator operator : ComparisonOperator.values()) {
      assertEquals(
          new Expr.Comparison(
              operator,
              path("a", 1),
              new Expr.NumberLiteral("1", true, 4 + operator.symbol().length()),
              3),
          parse("a " + operator.symbol() + " 1"));
    }
  }

  @Test
  void tokenColumnsAreOneBased() throws ConditionSyntaxException {
    List<Token> tokens = Lexer.tokenize("a.b>=1");
    assertEquals(
        List.of(
            new Token(TokenKind.IDENTIFIER, "a", 1),
            new Token(TokenKind.DOT, ".", 2),
            new Token(TokenKind.IDENTIFIER, "b", 3),
            new Token(TokenKind.GE, ">=", 4),
            new Token(TokenKind.NUMBER, "1", 6),
            new Token(TokenKind.END, "", 7)),
        tokens);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiterString = " :: ",
      quoteCharacter = '`',
      value = {
        "`` :: empty expression: write a condition such as 'enableAbTesting' or 'abTest.confidence > 0.8' :: 1",
        "`   ` :: empty expression: write a condition such as 'enableAbTesting' or 'abTest.confidence > 0.8' :: 1",
        "a == :: expected a name, number, string, true, false, null or '(' but the expression ended :: 5",
        "a == == b :: expected a name, number, string, true, false, null or '(' but found '==' :: 6",
        "&& a :: expected a name, number, string, true, false, null or '(' but found '&&' :: 1",
        "a == !b :: expected a name, number, string, true, false, null or '(' but found '!' :: 6",
        "(a || b :: expected ')' to close the '(' at column 1 but the expression ended :: 8",
        "(a b) :: expected ')' to close the '(' at column 1 but found name 'b' :: 4",
        "a b :: unexpected name 'b': expected an operator (&&, ||, ==, !=, <, <=, >, >=, in) or the end :: 3",
        "a 'x' :: unexpected string 'x': expected an operator (&&, ||, ==, !=, <, <=, >, >=, in) or the end :: 3",
        "a < b < c :: unexpected '<': comparisons cannot be chained, combine them with && or use parentheses :: 7",
        "a == b in ['x'] :: unexpected 'in': comparisons cannot be chained, combine them with && or use parentheses :: 8",
        "a) :: unexpected ')' without a matching '(' :: 2",
        "x in 'a' :: expected '[' after 'in' but found string 'a' :: 6",
        "x in ['a' 'b'] :: expected ',' or ']' in the 'in' list but found string 'b' :: 11",
        "x in ['a', :: expected a number, string, true, false or null in the 'in' list but the expression ended :: 11",
        "x in [y] :: expected a number, string, true, false or null in the 'in' list but found name 'y' :: 7",
        "x in [] :: expected a number, string, true, false or null in the 'in' list but found ']' :: 7",
        "a. :: expected a property name after '.' but the expression ended :: 3",
        "a.1 :: expected a property name after '.' but found number 1 :: 3",
        "a.true :: expected a property name after '.' but found 'true' :: 3",
        "in :: expected a name, number, string, true, false, null or '(' but found 'in' :: 1",
        "a = b :: unexpected '=' (use '==' to compare) :: 3",
        "a & b :: unexpected '&' (use '&&' for and) :: 3",
        "a | b :: unexpected '|' (use '||' for or) :: 3",
        "a # b :: unexpected character '#' :: 3",
        "a - b :: unexpected character '-' :: 3",
        "name == 'abc :: unterminated string: add the closing ' :: 9",
        "`name == \"abc` :: unterminated string: add the closing \" :: 9",
        "`'abc\\` :: unterminated string: add the closing ' :: 1",
        "`'a\\qb'` :: unknown escape '\\q' in string (use \\\\, \\', \\\", \\n, \\t or \\r) :: 3",
        "x > 1e :: malformed number '1e': expected digits after 'e' :: 5",
        "x > 1e+ :: malformed number '1e+': expected digits after 'e' :: 5",
        "x > 1. :: malformed number '1.': expected digits after '.' :: 5",
        "x > 12abc :: malformed number '12abc': a number cannot run into a name :: 5",
        "x > 1e999 :: number 1e999 is out of range :: 5",
      })
  void syntaxErrorsSayWhatWasExpectedAndWhere(String source, String message, int column) {
    ConditionSyntaxException error =
        assertThrows(ConditionSyntaxException.class, () -> Parser.parse(source));
    assertEquals(new ConditionError(message, column), error.error());
  }

  @Test
  void deepNestingIsAnErrorNotAStackOverflow() {
    assertEquals(
        path("a", Parser.MAX_DEPTH + 1),
        parse("(".repeat(Parser.MAX_DEPTH) + "a" + ")".repeat(Parser.MAX_DEPTH)));
    ConditionSyntaxException error =
        assertThrows(ConditionSyntaxException.class, () -> Parser.parse("!".repeat(100_000) + "a"));
    assertEquals(
        new ConditionError(
            "expression nested too deeply (more than 100 levels of '(' or '!')", 101),
        error.error());
  }

  @Test
  void lexingStopsAtTheFirstError() {
    ConditionSyntaxException error =
        assertThrows(ConditionSyntaxException.class, () -> Parser.parse("a # b & c"));
    assertEquals(3, error.error().column());
  }
}
