package dev.stagecraft.examples.argo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The two expression languages of an Argo DAG that exported workflows use, as Argo defines them,
 * for the subset the export writes:
 *
 * <ul>
 *   <li>{@code depends}: task results ({@code a.Succeeded}, a bare {@code a} meaning Succeeded,
 *       Skipped or Daemoned), {@code &&}, {@code ||}, {@code !} and parentheses;
 *   <li>{@code when} written as one expression tag {@code {{=...}}} (expr-lang): string, number and
 *       boolean literals, {@code tasks['t'].status}, {@code tasks['t'].outputs.parameters['p']},
 *       {@code asInt}, {@code asFloat}, comparisons, {@code &&}, {@code ||} (both short-circuit)
 *       and {@code !}.
 * </ul>
 *
 * Anything else fails loudly, so the harness never silently runs what it does not understand.
 */
final class ArgoExpressions {
  private ArgoExpressions() {}

  /** A task as an expression sees it: its phase and its output parameters. */
  record TaskView(String phase, Map<String, String> outputs) {}

  /** Whether {@code depends} holds; {@code result} answers "did task t end with result r". */
  static boolean depends(String depends, ResultLookup result) {
    Parser p = new Parser(depends);
    boolean value = p.dependsOr(result);
    p.end();
    return value;
  }

  /** Answers whether a task ended with a result ({@code Succeeded}, {@code Skipped}, ...). */
  interface ResultLookup {
    boolean ended(String task, String result);
  }

  /** The value of a {@code when} written as {@code {{=EXPR}}}, over the tasks that ended. */
  static boolean when(String when, Map<String, TaskView> tasks) {
    String text = when.strip();
    if (!text.startsWith("{{=") || !text.endsWith("}}")) {
      throw new IllegalArgumentException("not one expression tag: " + when);
    }
    Parser p = new Parser(text.substring(3, text.length() - 2));
    Object value = p.exprOr(tasks);
    p.end();
    if (!(value instanceof Boolean b)) {
      throw new IllegalArgumentException("when is not a boolean: " + when);
    }
    return b;
  }

  private static final Set<String> RESULTS =
      Set.of(
          "Succeeded",
          "Failed",
          "Errored",
          "Skipped",
          "Omitted",
          "Daemoned",
          "AnySucceeded",
          "AllFailed");

  /** A recursive-descent parser over one expression; it evaluates as it parses. */
  private static final class Parser {
    private final String s;
    private int i;

    Parser(String s) {
      this.s = s;
    }

    void end() {
      skipSpace();
      if (i != s.length()) {
        throw error("unexpected text");
      }
    }

    // ------------------------------------------------------------ depends

    boolean dependsOr(ResultLookup r) {
      boolean v = dependsAnd(r);
      while (accept("||")) {
        boolean right = dependsAnd(r);
        v = v || right;
      }
      return v;
    }

    boolean dependsAnd(ResultLookup r) {
      boolean v = dependsUnary(r);
      while (accept("&&")) {
        boolean right = dependsUnary(r);
        v = v && right;
      }
      return v;
    }

    boolean dependsUnary(ResultLookup r) {
      if (accept("!")) {
        return !dependsUnary(r);
      }
      if (accept("(")) {
        boolean v = dependsOr(r);
        expect(")");
        return v;
      }
      String task = name();
      if (!accept(".")) {
        return r.ended(task, "Succeeded") || r.ended(task, "Skipped") || r.ended(task, "Daemoned");
      }
      String result = name();
      if (!RESULTS.contains(result)) {
        throw error("unknown task result " + result);
      }
      return r.ended(task, result);
    }

    // ------------------------------------------------------------ when (expr-lang)

    Object exprOr(Map<String, TaskView> t) {
      Object v = exprAnd(t);
      while (true) {
        skipSpace();
        if (!s.startsWith("||", i)) {
          return v;
        }
        i += 2;
        if (bool(v)) {
          skipOperand("||");
        } else {
          v = bool(exprAnd(t));
        }
      }
    }

    Object exprAnd(Map<String, TaskView> t) {
      Object v = comparison(t);
      while (true) {
        skipSpace();
        if (!s.startsWith("&&", i)) {
          return v;
        }
        i += 2;
        if (!bool(v)) {
          skipOperand("||", "&&");
        } else {
          v = bool(comparison(t));
        }
      }
    }

    /**
     * Passes over the right side of a short-circuited operator without evaluating it: up to the
     * closing ')' of its group or, outside parentheses, the first of {@code stops}.
     */
    private void skipOperand(String... stops) {
      int start = i;
      int depth = 0;
      while (i < s.length()) {
        char c = s.charAt(i);
        if (c == '\'') {
          stringLiteral();
          continue;
        }
        if (c == '(') {
          depth++;
        } else if (c == ')') {
          if (depth == 0) {
            break;
          }
          depth--;
        } else if (depth == 0 && startsWithAny(stops)) {
          break;
        }
        i++;
      }
      if (i == start) {
        throw error("missing operand");
      }
    }

    private boolean startsWithAny(String... stops) {
      for (String stop : stops) {
        if (s.startsWith(stop, i)) {
          return true;
        }
      }
      return false;
    }

    Object comparison(Map<String, TaskView> t) {
      Object left = unary(t);
      skipSpace();
      for (String op : List.of("==", "!=", "<=", ">=", "<", ">")) {
        if (s.startsWith(op, i)) {
          i += op.length();
          Object right = unary(t);
          return compare(op, left, right);
        }
      }
      return left;
    }

    private Object compare(String op, Object l, Object r) {
      if (op.equals("==") || op.equals("!=")) {
        boolean eq =
            l instanceof Number a && r instanceof Number b
                ? a.doubleValue() == b.doubleValue()
                : l.equals(r);
        return op.equals("==") == eq;
      }
      if (!(l instanceof Number a) || !(r instanceof Number b)) {
        throw error("cannot order " + l + " and " + r);
      }
      int c = Double.compare(a.doubleValue(), b.doubleValue());
      return switch (op) {
        case "<" -> c < 0;
        case "<=" -> c <= 0;
        case ">" -> c > 0;
        default -> c >= 0;
      };
    }

    Object unary(Map<String, TaskView> t) {
      skipSpace();
      if (s.startsWith("!", i) && !s.startsWith("!=", i)) {
        i++;
        return !bool(unary(t));
      }
      if (accept("(")) {
        Object v = exprOr(t);
        expect(")");
        return v;
      }
      if (peek() == '\'') {
        return stringLiteral();
      }
      if (Character.isDigit(peek()) || peek() == '-') {
        int start = i++;
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
          i++;
        }
        return Double.parseDouble(s.substring(start, i));
      }
      String word = name();
      switch (word) {
        case "true":
          return true;
        case "false":
          return false;
        case "asInt":
        case "asFloat":
          {
            expect("(");
            Object arg = exprOr(t);
            expect(")");
            String text = String.valueOf(arg);
            try {
              return word.equals("asInt")
                  ? (Number) Long.parseLong(text)
                  : Double.parseDouble(text);
            } catch (NumberFormatException e) {
              throw error(word + "('" + text + "'): not a number");
            }
          }
        case "tasks":
          return taskValue(t);
        default:
          throw error("unknown name " + word);
      }
    }

    private Object taskValue(Map<String, TaskView> tasks) {
      expect("[");
      String task = stringLiteral();
      expect("]");
      TaskView view = tasks.get(task);
      if (view == null) {
        throw error("task '" + task + "' has not ended");
      }
      expect(".");
      String field = name();
      if (field.equals("status")) {
        return view.phase();
      }
      if (!field.equals("outputs")) {
        throw error("unknown task field " + field);
      }
      expect(".");
      if (!name().equals("parameters")) {
        throw error("only outputs.parameters is read");
      }
      expect("[");
      String param = stringLiteral();
      expect("]");
      String value = view.outputs().get(param);
      if (value == null) {
        throw error("task '" + task + "' has no output parameter '" + param + "'");
      }
      return value;
    }

    private String stringLiteral() {
      skipSpace();
      expect("'");
      StringBuilder b = new StringBuilder();
      while (true) {
        if (i >= s.length()) {
          throw error("unterminated string");
        }
        char c = s.charAt(i++);
        if (c == '\'') {
          return b.toString();
        }
        if (c != '\\') {
          b.append(c);
          continue;
        }
        char e = s.charAt(i++);
        switch (e) {
          case 'n' -> b.append('\n');
          case 't' -> b.append('\t');
          case 'r' -> b.append('\r');
          case 'u' -> {
            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
            i += 4;
          }
          default -> b.append(e);
        }
      }
    }

    private static boolean bool(Object v) {
      if (v instanceof Boolean b) {
        return b;
      }
      throw new IllegalArgumentException("not a boolean: " + v);
    }

    // ------------------------------------------------------------ lexing

    private String name() {
      skipSpace();
      int start = i;
      while (i < s.length()
          && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '-' || s.charAt(i) == '_')) {
        i++;
      }
      if (start == i) {
        throw error("expected a name");
      }
      return s.substring(start, i);
    }

    private char peek() {
      skipSpace();
      return i < s.length() ? s.charAt(i) : '\0';
    }

    private boolean accept(String token) {
      skipSpace();
      if (s.startsWith(token, i)) {
        i += token.length();
        return true;
      }
      return false;
    }

    private void expect(String token) {
      if (!accept(token)) {
        throw error("expected " + token);
      }
    }

    private void skipSpace() {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
    }

    private IllegalArgumentException error(String what) {
      return new IllegalArgumentException(what + " at " + i + " of: " + s);
    }
  }

  /** Task names a {@code depends} expression reads. */
  static List<String> dependsNames(String depends) {
    List<String> names = new ArrayList<>();
    for (String token : depends.split("[\\s()!&|]+")) {
      if (!token.isEmpty()) {
        String name = token.contains(".") ? token.substring(0, token.indexOf('.')) : token;
        if (!names.contains(name)) {
          names.add(name);
        }
      }
    }
    return names;
  }

  /** Whether {@code text} holds for every {@code lastRetry.exitCode != 'N'} it joins with &&. */
  static boolean retryExpression(String text, int exitCode) {
    Predicate<String> clause =
        c -> {
          String t = c.strip();
          if (!t.matches("lastRetry\\.exitCode != '\\d+'")) {
            throw new IllegalArgumentException("unsupported retry expression: " + text);
          }
          return !t.endsWith("'" + exitCode + "'");
        };
    for (String c : text.split("&&")) {
      if (!clause.test(c)) {
        return false;
      }
    }
    return true;
  }
}
