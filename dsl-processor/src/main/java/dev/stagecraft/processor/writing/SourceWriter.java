package dev.stagecraft.processor.writing;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.io.Writer;
import javax.annotation.processing.Filer;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;

/**
 * Writes every generated source file: the originating element attached (for incremental builds),
 * {@code @Generated} without a date, {@code java.lang} imports skipped.
 */
public final class SourceWriter {
  /** The value of {@code @Generated} on every generated type. */
  public static final String GENERATOR = "dev.stagecraft.processor.StagecraftProcessor";

  private final Filer filer;

  public SourceWriter(Filer filer) {
    this.filer = filer;
  }

  /**
   * Adds {@code @Generated} to the type and writes it in the package of {@code origin}'s file. The
   * source is rendered into memory first and handed to the filer in one write: JavaPoet writes
   * piece by piece, which through the filer's unbuffered writer costs more than the rendering.
   */
  public void write(String packageName, TypeSpec.Builder type, TypeElement origin)
      throws IOException {
    JavaFile file = toJavaFile(packageName, type, origin);
    String name =
        packageName.isEmpty() ? file.typeSpec().name() : packageName + "." + file.typeSpec().name();
    JavaFileObject source = filer.createSourceFile(name, origin);
    try (Writer writer = source.openWriter()) {
      writer.write(file.toString());
    }
  }

  /** The file as it will be written (for tests and tools). */
  public static JavaFile toJavaFile(String packageName, TypeSpec.Builder type, TypeElement origin) {
    TypeSpec spec =
        type.addAnnotation(
                AnnotationSpec.builder(RuntimeNames.GENERATED)
                    .addMember("value", "$S", GENERATOR)
                    .build())
            .addOriginatingElement(origin)
            .build();
    return JavaFile.builder(packageName, spec).skipJavaLangImports(true).indent("  ").build();
  }
}
