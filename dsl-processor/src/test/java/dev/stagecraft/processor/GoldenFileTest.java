package dev.stagecraft.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Pins the generated source of one pipeline. After an intended change, regenerate with {@code
 * -Dgolden.update=true} and review the diff.
 */
class GoldenFileTest {
  private static final Path GOLDEN =
      Path.of("src/test/resources/golden/example/StagecraftDiamondPipeline.java");

  @Test
  void diamondPipelineSource() throws IOException {
    Compilation c =
        Fixtures.compile(JavaFileObjects.forResource("fixtures/example/DiamondPipeline.java"));
    assertThat(c).succeededWithoutWarnings();
    String actual = Fixtures.generated(c, "example.StagecraftDiamondPipeline");
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(GOLDEN.getParent());
      Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
    }
    String expected = Files.readString(GOLDEN, StandardCharsets.UTF_8);
    assertWithMessage(
            "generated source differs from %s (regenerate with -Dgolden.update=true)", GOLDEN)
        .that(actual)
        .isEqualTo(expected);
  }
}
