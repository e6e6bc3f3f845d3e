package dev.stagecraft.processor;

import com.google.auto.service.AutoService;
import dev.stagecraft.processor.condition.ConditionCompiler;
import dev.stagecraft.processor.diagnostics.Diagnostic;
import dev.stagecraft.processor.diagnostics.Location;
import dev.stagecraft.processor.diagnostics.Report;
import dev.stagecraft.processor.parse.Annotations;
import dev.stagecraft.processor.parse.PipelineModel;
import dev.stagecraft.processor.parse.PipelineParser;
import dev.stagecraft.processor.parse.TypeSupport;
import dev.stagecraft.processor.validation.PipelineGraph;
import dev.stagecraft.processor.validation.Validators;
import dev.stagecraft.processor.writing.PipelineGenerator;
import dev.stagecraft.processor.writing.ServiceRegistration;
import dev.stagecraft.processor.writing.SourceWriter;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic.Kind;

/**
 * Checks every {@code @Pipeline} class while javac runs and generates its {@code Stagecraft<Name>}
 * class: parse into a model, validate it (every problem reported), and generate only from a clean
 * model. Classes whose types are not resolved yet are deferred to a later round; nothing unexpected
 * ever escapes as a compiler crash.
 */
@AutoService(Processor.class)
public final class StagecraftProcessor extends AbstractProcessor {
  private final Set<String> deferred = new LinkedHashSet<>();
  private final ServiceRegistration services = new ServiceRegistration();
  private final Validators validators = new Validators();

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("dev.stagecraft.annotations.*");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    TypeSupport types =
        new TypeSupport(processingEnv.getTypeUtils(), processingEnv.getElementUtils());
    Set<TypeElement> pipelines = new LinkedHashSet<>();
    for (String name : deferred) {
      TypeElement t = processingEnv.getElementUtils().getTypeElement(name);
      if (t != null) {
        pipelines.add(t);
      }
    }
    deferred.clear();
    TypeElement pipelineAnnotation =
        processingEnv.getElementUtils().getTypeElement(PipelineParser.PIPELINE);
    if (pipelineAnnotation != null) {
      for (Element e : round.getElementsAnnotatedWith(pipelineAnnotation)) {
        if (e instanceof TypeElement t) {
          pipelines.add(t);
        }
      }
    }
    try {
      reportStrays(round);
    } catch (RuntimeException e) {
      processingEnv
          .getMessager()
          .printMessage(Kind.ERROR, Diagnostic.internalError("@Stage methods", e));
    }
    for (TypeElement pipeline : pipelines) {
      if (PipelineParser.hasUnresolvedTypes(pipeline)) {
        deferred.add(pipeline.getQualifiedName().toString());
        continue;
      }
      try {
        if (!process(pipeline, types, round.processingOver())) {
          deferred.add(pipeline.getQualifiedName().toString());
        }
      } catch (RuntimeException | IOException | LinkageError e) {
        processingEnv
            .getMessager()
            .printMessage(
                Kind.ERROR, Diagnostic.internalError(pipeline.getQualifiedName(), e), pipeline);
      }
    }
    if (round.processingOver()) {
      for (String name : deferred) {
        TypeElement t = processingEnv.getElementUtils().getTypeElement(name);
        processingEnv
            .getMessager()
            .printMessage(Kind.ERROR, Diagnostic.UNRESOLVED_TYPE.format(name), t);
      }
      deferred.clear();
      try {
        services.write(processingEnv.getFiler());
      } catch (IOException | RuntimeException e) {
        processingEnv
            .getMessager()
            .printMessage(
                Kind.ERROR, Diagnostic.internalError("the ServiceLoader registration", e));
      }
    }
    return false;
  }

  /**
   * Checks a pipeline and generates its class when it has no error; false when it must wait for a
   * later round (a condition reads through a type not resolved yet).
   */
  private boolean process(TypeElement type, TypeSupport types, boolean lastRound)
      throws IOException {
    PipelineModel model = new PipelineParser(types).parse(type);
    PipelineGraph graph =
        PipelineGraph.build(
            model,
            types,
            new ConditionCompiler(processingEnv.getTypeUtils(), processingEnv.getElementUtils()),
            lastRound);
    if (graph.waitsForTypes()) {
      return false;
    }
    Report report = validators.validate(graph);
    report.printTo(processingEnv.getMessager());
    if (!report.isClean()) {
      return true;
    }
    new SourceWriter(processingEnv.getFiler())
        .write(model.generatedName().packageName(), PipelineGenerator.generate(graph), type);
    services.add(model.generatedName().canonicalName(), type);
    return true;
  }

  /**
   * {@code @Stage} methods and {@code @Parameters} records whose class is not a {@code @Pipeline}.
   */
  private void reportStrays(RoundEnvironment round) {
    Report report = new Report();
    TypeElement parameters =
        processingEnv.getElementUtils().getTypeElement(PipelineParser.PARAMETERS);
    if (parameters != null) {
      for (Element e : round.getElementsAnnotatedWith(parameters)) {
        Element owner = e.getEnclosingElement();
        if (owner == null || Annotations.find(owner, PipelineParser.PIPELINE).isEmpty()) {
          report.error(
              Diagnostic.PARAMETERS_OUTSIDE_PIPELINE,
              Location.of(e, Annotations.find(e, PipelineParser.PARAMETERS).orElse(null)),
              e.getSimpleName());
        }
      }
    }
    TypeElement stage = processingEnv.getElementUtils().getTypeElement(PipelineParser.STAGE);
    if (stage == null) {
      report.printTo(processingEnv.getMessager());
      return;
    }
    for (Element e : round.getElementsAnnotatedWith(stage)) {
      Element owner = e.getEnclosingElement();
      if (owner == null || Annotations.find(owner, PipelineParser.PIPELINE).isEmpty()) {
        String ownerName =
            owner instanceof TypeElement t
                ? t.getQualifiedName().toString()
                : String.valueOf(owner);
        String kind = owner != null && owner.getKind() == ElementKind.INTERFACE ? "interface " : "";
        report.error(
            Diagnostic.STAGE_OUTSIDE_PIPELINE,
            Location.of(e, Annotations.find(e, PipelineParser.STAGE).orElse(null)),
            e.getSimpleName(),
            kind + ownerName);
      }
    }
    report.printTo(processingEnv.getMessager());
  }
}
