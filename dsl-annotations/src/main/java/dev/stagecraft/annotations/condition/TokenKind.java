package dev.stagecraft.annotations.condition;

/** The kinds of token of the {@code @When} language. */
enum TokenKind {
  NUMBER("number"),
  STRING("string"),
  TRUE("'true'"),
  FALSE("'false'"),
  NULL("'null'"),
  IDENTIFIER("name"),
  OR("'||'"),
  AND("'&&'"),
  NOT("'!'"),
  EQ("'=='"),
  NE("'!='"),
  LT("'<'"),
  LE("'<='"),
  GT("'>'"),
  GE("'>='"),
  IN("'in'"),
  LBRACKET("'['"),
  RBRACKET("']'"),
  LPAREN("'('"),
  RPAREN("')'"),
  COMMA("','"),
  DOT("'.'"),
  END("end of expression");

  private final String description;

  TokenKind(String description) {
    this.description = description;
  }

  /** How the kind reads in a message: {@code "'&&'"}, {@code "name"}. */
  String description() {
    return description;
  }
}
