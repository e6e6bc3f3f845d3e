package dev.stagecraft.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.stagecraft.annotations.Stage;
import dev.stagecraft.runtime.StageContext;
import java.io.File;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pipeline compiled against the core alone runs from code in a child JVM whose class path holds
 * exactly the annotations, runtime-core, SLF4J's API and a binding: no Jackson, SQLite, Tablesaw,
 * Tribuo or picocli. Without a store attached, its outputs stay in memory.
 */
class CoreOnlyClasspathTest {
  @TempDir Path dir;

  @Test
  void aPipelineRunsWithOnlyTheCoreOnItsClassPath() throws Exception {
    Compilation c =
        Fixtures.compile(
            Fixtures.source(
                "HelloPipeline",
                "import dev.stagecraft.annotations.*;",
                "import dev.stagecraft.runtime.StageContext;",
                "import java.util.List;",
                "import java.util.Optional;",
                "@Pipeline(description = \"greets\")",
                "public class HelloPipeline {",
                "  @Stage public String name(@Param(\"who\") @Default(\"world\") String who) {",
                "    return who; }",
                "  @Stage @ForEach(items = {\"hello\", \"hi\"})",
                "  public String greet(@Input(\"name\") String name, @Item String word,",
                "      StageContext ctx) {",
                "    ctx.metric(\"length\", name.length());",
                "    return word + \" \" + name; }",
                "  @Stage @When(\"loud\")",
                "  public String shout(@Input(\"greet\") List<String> all,",
                "      @Param(\"loud\") @Default(\"false\") boolean loud) {",
                "    return String.join(\", \", all).toUpperCase(); }",
                "  @Stage public String last(@Input(\"greet\") List<String> all,",
                "      @Input(\"shout\") Optional<String> shouted, StageContext ctx) {",
                "    return shouted.orElse(String.join(\" / \", all))",
                "        + \" (store: \" + ctx.storeDirectory().isPresent() + \")\"; }",
                "}"),
            Fixtures.source(
                "Main",
                "public class Main {",
                "  public static void main(String[] args) throws Exception {",
                "    try {",
                "      Class.forName(\"com.fasterxml.jackson.databind.ObjectMapper\");",
                "      System.out.println(\"jackson is on the class path\");",
                "    } catch (ClassNotFoundException expected) {",
                "      System.out.println(\"no jackson\");",
                "    }",
                "    var r = StagecraftHelloPipeline.builder().who(\"core\").run();",
                "    System.out.println(r.status() + \": \" + r.last());",
                "    var loud = StagecraftHelloPipeline.builder().loud(true).run();",
                "    System.out.println(loud.status() + \": \" + loud.last());",
                "  }",
                "}"));
    assertThat(c).succeeded();
    Path classes = Files.createDirectories(dir.resolve("classes"));
    for (JavaFileObject f : c.generatedFiles()) {
      if (f.getKind() == JavaFileObject.Kind.CLASS) {
        Path target = classes.resolve(f.getName().replaceFirst("^/CLASS_OUTPUT/", ""));
        Files.createDirectories(target.getParent());
        try (InputStream in = f.openInputStream()) {
          Files.write(target, in.readAllBytes());
        }
      }
    }
    List<Path> classPath =
        List.of(
            location(Stage.class),
            location(StageContext.class),
            location(org.slf4j.Logger.class),
            location(org.slf4j.simple.SimpleLogger.class),
            classes);
    Path work = Files.createDirectories(dir.resolve("work"));
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                String.join(File.pathSeparator, classPath.stream().map(Path::toString).toList()),
                "test.Main")
            .directory(work.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(0);
    assertThat(out)
        .contains(
            "no jackson\nSUCCEEDED: hello core / hi core (store: false)\n"
                + "SUCCEEDED: HELLO WORLD, HI WORLD (store: false)\n");
    assertThat(classPath.get(1).getFileName().toString()).matches("runtime-core.*\\.jar|classes");
    try (var files = Files.list(work)) {
      assertThat(files.toList()).isEmpty();
    }
  }

  private static Path location(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }
}
