package dev.stagecraft.processor.condition;

import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.stagecraft.processor.GeneratedClassLoader;
import dev.stagecraft.runtime.graph.Condition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;

/**
 * Test harness: compiles a fixture class with {@link ConditionFixtureProcessor} and loads the
 * generated predicates from the in-memory class files.
 */
final class CompiledConditions {
  /**
   * The fixture's parameters (fields) and stages (methods); conditions are compiled against them.
   */
  static final String MEMBERS =
      """
        boolean enableAbTesting;
        Boolean force;
        String environment;
        long dataSize;
        int replicas;
        Double threshold;
        Environment env;
        List<String> regions;
        char grade;
        int both;
        AbTestResult abTest() { return null; }
        List<Model> train() { return null; }
        Box<Model> boxed() { return null; }
        Model model() { return null; }
        Box<? extends Model> wildBox() { return null; }
        double score() { return 0; }
        void cleanup() {}
        int both() { return 0; }
      """;

  private final Compilation compilation;

  private CompiledConditions(Compilation compilation) {
    this.compilation = compilation;
  }

  /** Compiles a fixture with the standard {@link #MEMBERS} and the given conditions. */
  static CompiledConditions compile(String... conditions) {
    return compileWith("", conditions);
  }

  /** Compiles a fixture with {@link #MEMBERS}, {@code extraMembers} and the given conditions. */
  static CompiledConditions compileWith(String extraMembers, String... conditions) {
    String annotation =
        Stream.of(conditions)
            .map(CompiledConditions::javaString)
            .collect(Collectors.joining(", ", "@ConditionFixture({", "})"));
    String source =
        """
        package test;

        import dev.stagecraft.processor.condition.ConditionFixture;
        import dev.stagecraft.processor.condition.fixtures.*;
        import java.util.List;

        %s
        class Fixture {
        %s
        }
        """
            .formatted(annotation, MEMBERS + extraMembers);
    Compilation compilation =
        Compiler.javac()
            .withProcessors(new ConditionFixtureProcessor())
            .compile(JavaFileObjects.forSourceString("test.Fixture", source));
    return new CompiledConditions(compilation);
  }

  /**
   * Compiles each condition in a fixture class of its own, all in one javac run, and returns each
   * condition's error messages (empty when it compiled), in the order of {@code conditions}.
   */
  static List<List<String>> errorsOfEach(List<String> conditions) {
    StringBuilder source =
        new StringBuilder(
            """
        package test;

        import dev.stagecraft.processor.condition.ConditionFixture;
        import dev.stagecraft.processor.condition.fixtures.*;
        import java.util.List;

        """);
    long firstLine = source.toString().lines().count() + 1;
    for (int i = 0; i < conditions.size(); i++) {
      // one line per fixture, so a diagnostic's line says which condition it belongs to
      source
          .append("@ConditionFixture(")
          .append(javaString(conditions.get(i)))
          .append(") class Fixture")
          .append(i)
          .append(" { ")
          .append(MEMBERS.replace('\n', ' '))
          .append(" }\n");
    }
    Compilation compilation =
        Compiler.javac()
            .withProcessors(new ConditionFixtureProcessor())
            .compile(JavaFileObjects.forSourceString("test.Fixtures", source.toString()));
    List<List<String>> errors = new ArrayList<>();
    for (int i = 0; i < conditions.size(); i++) {
      errors.add(new ArrayList<>());
    }
    compilation
        .errors()
        .forEach(
            diagnostic ->
                errors
                    .get((int) (diagnostic.getLineNumber() - firstLine))
                    .add(diagnostic.getMessage(null)));
    return errors;
  }

  private static String javaString(String text) {
    return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  /** The error messages, in order. */
  List<String> errors() {
    return compilation.errors().stream().map(diagnostic -> diagnostic.getMessage(null)).toList();
  }

  /** The generated source of the conditions class. */
  String generatedSource() {
    JavaFileObject file =
        compilation
            .generatedSourceFile("test.Fixture_Conditions")
            .orElseThrow(() -> new AssertionError("no generated source; errors: " + errors()));
    try {
      return file.getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The compiled predicates, one per condition, after asserting the compilation succeeded. */
  List<Condition.Predicate> predicates() {
    return list("PREDICATES");
  }

  /** The stages each condition reads. */
  List<List<String>> stages() {
    return list("STAGES");
  }

  /** The params each condition reads. */
  List<List<String>> params() {
    return list("PARAMS");
  }

  @SuppressWarnings("unchecked")
  private <T> List<T> list(String field) {
    assertWithMessage("errors: %s", errors())
        .that(compilation.status())
        .isEqualTo(Compilation.Status.SUCCESS);
    try {
      Class<?> type = new GeneratedClassLoader(compilation).loadClass("test.Fixture_Conditions");
      return (List<T>) type.getField(field).get(null);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("cannot load generated conditions:\n" + generatedSource(), e);
    }
  }

  /** Loads classes from the compilation's in-memory class files. */
}
