package dev.stagecraft.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
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

  /** A class loader over the classes the compilation wrote, parented by the test's. */
  static ClassLoader classLoader(Compilation c) {
    Map<String, byte[]> classes = new HashMap<>();
    for (JavaFileObject f : c.generatedFiles()) {
      if (f.getKind() == JavaFileObject.Kind.CLASS) {
        String name =
            f.getName()
                .replaceFirst("^/CLASS_OUTPUT/", "")
                .replaceAll("\\.class$", "")
                .replace('/', '.');
        try (InputStream in = f.openInputStream()) {
          classes.put(name, in.readAllBytes());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return new ClassLoader(Fixtures.class.getClassLoader()) {
      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] b = classes.get(name);
        if (b == null) {
          throw new ClassNotFoundException(name);
        }
        return defineClass(name, b, 0, b.length);
      }
    };
  }
}
