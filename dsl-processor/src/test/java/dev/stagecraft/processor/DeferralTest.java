package dev.stagecraft.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.stagecraft.processor.Fixtures.source;

import com.google.common.collect.ImmutableSet;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import org.junit.jupiter.api.Test;

/** A pipeline using a type another processor generates later is deferred, not misreported. */
class DeferralTest {
  /** Generates {@code test.Report} in the first round. */
  static final class ReportGenerator extends AbstractProcessor {
    private boolean done;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return ImmutableSet.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (!done) {
        done = true;
        try (Writer w = processingEnv.getFiler().createSourceFile("test.Report").openWriter()) {
          w.write("package test; public record Report(int rows) {}");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return false;
    }
  }

  @Test
  void typeGeneratedInALaterRound() {
    Compilation c =
        Compiler.javac()
            .withProcessors(new StagecraftProcessor(), new ReportGenerator())
            .compile(
                source(
                    "LatePipeline",
                    "import dev.stagecraft.annotations.*;",
                    "@Pipeline",
                    "public class LatePipeline {",
                    "  @Stage public Report load() { return new Report(1); }",
                    "  @Stage public int use(@Input(\"load\") Report r) { return r.rows(); }",
                    "}"));
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("test.StagecraftLatePipeline");
  }

  @Test
  void typeThatNeverResolvesGivesJavacsErrorAndOurs() {
    Compilation c =
        Fixtures.compileLenient(
            source(
                "ErroneousMissingType",
                "import dev.stagecraft.annotations.*;",
                "@Pipeline",
                "public class ErroneousMissingType {",
                "  @Stage public Missing load() { return null; }",
                "}"));
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("cannot find symbol");
    assertThat(c)
        .hadErrorContaining(
            "[StagecraftUnresolvedType] pipeline test.ErroneousMissingType uses a type that cannot be resolved")
        .inFile(c.sourceFiles().get(0))
        .onLineContaining("public class ErroneousMissingType");
  }

  @Test
  void aConditionReadingThroughATypeGeneratedLaterWaitsForIt() {
    Compilation c =
        Compiler.javac()
            .withProcessors(new StagecraftProcessor(), new ReportGenerator())
            .compile(
                source(
                    "LateConditionPipeline",
                    "import dev.stagecraft.annotations.*;",
                    "@Pipeline",
                    "public class LateConditionPipeline {",
                    "  public static final class Holder {",
                    "    public Report getReport() { return new Report(3); }",
                    "  }",
                    "  @Stage public Holder load() { return new Holder(); }",
                    "  @Stage @When(\"load.report.rows > 0\") public void use() {}",
                    "}"));
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("test.StagecraftLateConditionPipeline");
  }

  @Test
  void aConditionReadingThroughATypeThatNeverResolvesIsReportedInTheLastRound() {
    Compilation c =
        Fixtures.compileLenient(
            source(
                "ErroneousLateCondition",
                "import dev.stagecraft.annotations.*;",
                "@Pipeline",
                "public class ErroneousLateCondition {",
                "  public static final class Holder {",
                "    public Missing getReport() { return null; }",
                "  }",
                "  @Stage public Holder load() { return new Holder(); }",
                "  @Stage @When(\"load.report.rows > 0\") public void use() {}",
                "}"));
    assertThat(c).failed();
    assertThat(c)
        .hadErrorContaining(
            "[StagecraftInvalidCondition] @When: load.report has type Missing, which javac could not resolve at column 6")
        .inFile(c.sourceFiles().get(0))
        .onLineContaining("@When(");
  }
}
