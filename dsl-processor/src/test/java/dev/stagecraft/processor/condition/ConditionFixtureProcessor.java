package dev.stagecraft.processor.condition;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.stagecraft.annotations.condition.ConditionError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.tools.Diagnostic;

/**
 * Test-only processor: for each {@link ConditionFixture} class, compiles its conditions with {@link
 * ConditionCompiler}, reports errors as {@code "@When: MESSAGE at column N"} and, when all compile,
 * writes {@code <Fixture>_Conditions} with static {@code PREDICATES}, {@code STAGES} and {@code
 * PARAMS} lists, one entry per condition.
 */
public final class ConditionFixtureProcessor extends AbstractProcessor {
  private static final ClassName PREDICATE =
      ClassName.get("dev.stagecraft.runtime.graph", "Condition", "Predicate");
  private static final ClassName LIST = ClassName.get(List.class);

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(ConditionFixture.class.getCanonicalName());
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    ConditionCompiler compiler =
        new ConditionCompiler(processingEnv.getTypeUtils(), processingEnv.getElementUtils());
    for (Element element : round.getElementsAnnotatedWith(ConditionFixture.class)) {
      process((TypeElement) element, compiler);
    }
    return false;
  }

  private void process(TypeElement fixture, ConditionCompiler compiler) {
    Map<String, TypeMirror> params = new LinkedHashMap<>();
    Map<String, TypeMirror> stages = new LinkedHashMap<>();
    for (Element member : fixture.getEnclosedElements()) {
      if (member.getKind() == ElementKind.FIELD) {
        params.put(member.getSimpleName().toString(), member.asType());
      } else if (member.getKind() == ElementKind.METHOD) {
        stages.put(member.getSimpleName().toString(), ((ExecutableElement) member).getReturnType());
      }
    }
    List<ConditionResult.Compiled> compiled = new ArrayList<>();
    boolean failed = false;
    for (String condition : fixture.getAnnotation(ConditionFixture.class).value()) {
      ConditionResult result = compiler.compile(condition, params, stages);
      List<ConditionError> errors =
          result instanceof ConditionResult.Failed failure
              ? failure.errors()
              : result instanceof ConditionResult.Unresolved unresolved
                  ? unresolved.errors()
                  : null;
      if (errors != null) {
        failed = true;
        for (ConditionError error : errors) {
          processingEnv
              .getMessager()
              .printMessage(
                  Diagnostic.Kind.ERROR,
                  "@When: " + error.message() + " at column " + error.column(),
                  fixture);
        }
      } else {
        compiled.add((ConditionResult.Compiled) result);
      }
    }
    if (!failed) {
      write(fixture, compiled);
    }
  }

  private void write(TypeElement fixture, List<ConditionResult.Compiled> conditions) {
    List<CodeBlock> predicates = new ArrayList<>();
    List<CodeBlock> stages = new ArrayList<>();
    List<CodeBlock> params = new ArrayList<>();
    for (ConditionResult.Compiled condition : conditions) {
      predicates.add(CodeBlock.of("\nscope -> $L", condition.expression()));
      stages.add(names(condition.stages()));
      params.add(names(condition.params()));
    }
    TypeName names = ParameterizedTypeName.get(LIST, ClassName.get(String.class));
    TypeSpec type =
        TypeSpec.classBuilder(fixture.getSimpleName() + "_Conditions")
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addOriginatingElement(fixture)
            .addField(
                FieldSpec.builder(
                        ParameterizedTypeName.get(LIST, PREDICATE),
                        "PREDICATES",
                        Modifier.PUBLIC,
                        Modifier.STATIC,
                        Modifier.FINAL)
                    .initializer("$T.<$T>of($L)", LIST, PREDICATE, CodeBlock.join(predicates, ","))
                    .build())
            .addField(
                FieldSpec.builder(
                        ParameterizedTypeName.get(LIST, names),
                        "STAGES",
                        Modifier.PUBLIC,
                        Modifier.STATIC,
                        Modifier.FINAL)
                    .initializer("$T.<$T>of($L)", LIST, names, CodeBlock.join(stages, ", "))
                    .build())
            .addField(
                FieldSpec.builder(
                        ParameterizedTypeName.get(LIST, names),
                        "PARAMS",
                        Modifier.PUBLIC,
                        Modifier.STATIC,
                        Modifier.FINAL)
                    .initializer("$T.<$T>of($L)", LIST, names, CodeBlock.join(params, ", "))
                    .build())
            .build();
    String pkg =
        processingEnv.getElementUtils().getPackageOf(fixture).getQualifiedName().toString();
    try {
      JavaFile.builder(pkg, type).build().writeTo(processingEnv.getFiler());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CodeBlock names(List<String> names) {
    List<CodeBlock> literals = names.stream().map(name -> CodeBlock.of("$S", name)).toList();
    return CodeBlock.of("$T.<$T>of($L)", LIST, String.class, CodeBlock.join(literals, ", "));
  }
}
