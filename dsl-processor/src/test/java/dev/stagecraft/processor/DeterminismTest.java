package dev.stagecraft.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

class DeterminismTest {
  @Test
  void twoCompilationsGiveByteIdenticalOutput() throws IOException {
    Map<String, byte[]> first = outputs(compileAll());
    Map<String, byte[]> second = outputs(compileAll());
    assertThat(first.keySet()).isEqualTo(second.keySet());
    assertThat(first.keySet()).contains("/SOURCE_OUTPUT/example/StagecraftDiamondPipeline.java");
    assertThat(first.keySet())
        .contains("/CLASS_OUTPUT/META-INF/services/dev.stagecraft.runtime.graph.PipelineProvider");
    for (String name : first.keySet()) {
      assertThat(second.get(name)).isEqualTo(first.get(name));
    }
  }

  @Test
  void serviceFileListsEveryGeneratedClassSorted() throws IOException {
    Compilation c = compileAll();
    String services =
        new String(
            outputs(c)
                .get(
                    "/CLASS_OUTPUT/META-INF/services/dev.stagecraft.runtime.graph.PipelineProvider"),
            java.nio.charset.StandardCharsets.UTF_8);
    assertThat(services)
        .isEqualTo(
            "example.StagecraftDiamondPipeline\n"
                + "test.StagecraftEverythingPipeline\n"
                + "test.StagecraftEverythingPipeline_NoDefaultConstructor\n"
                + "test.StagecraftEverythingPipeline_Resourced\n");
  }

  private static Compilation compileAll() {
    Compilation c =
        Fixtures.compile(
            JavaFileObjects.forResource("fixtures/example/DiamondPipeline.java"),
            JavaFileObjects.forResource("fixtures/test/EverythingPipeline.java"));
    assertThat(c).succeededWithoutWarnings();
    return c;
  }

  private static Map<String, byte[]> outputs(Compilation c) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    for (JavaFileObject f : c.generatedFiles()) {
      if (f.getName().endsWith(".class")) {
        continue; // javac's own output
      }
      try (InputStream in = f.openInputStream()) {
        out.put(f.getName(), in.readAllBytes());
      }
    }
    return out;
  }
}
