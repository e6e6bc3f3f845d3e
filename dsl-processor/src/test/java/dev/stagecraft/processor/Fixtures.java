package dev.stagecraft.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.tools.JavaFileObject;

/** Compiles fixtures with the processor; the runtime is on the test classpath. */
final class Fixtures {
  private Fixtures() {}

  static Compilation compile(JavaFileObject... sources) {
    return javac()
        .withProcessors(new StagecraftProcessor())
        .withOptions("-Xlint:all,-processing,-serial", "-Werror")
        .compile(sources);
  }

  static Compilation compileLenient(JavaFileObject... sources) {
    return javac().withProcessors(new StagecraftProcessor()).compile(sources);
  }

  /** A source file {@code test/Name.java} from lines (the package line is added). */
  static JavaFileObject source(String simpleName, String... lines) {
    String[] all = new String[lines.length + 1];
    all[0] = "package test;";
    System.arraycopy(lines, 0, all, 1, lines.length);
    return JavaFileObjects.forSourceLines("test." + simpleName, all);
  }

  static String generated(Compilation c, String qualifiedName) {
    try {
      return c.generatedSourceFile(qualifiedName).orElseThrow().getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
