package dev.stagecraft.processor.parse;

import com.palantir.javapoet.ClassName;
import dev.stagecraft.annotations.Resources;
import dev.stagecraft.annotations.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Reads a {@code @Pipeline} class into a {@link PipelineModel}. It checks nothing and prints
 * nothing: whatever it reads, the validators judge.
 */
public final class PipelineParser {
  public static final String PIPELINE = "dev.stagecraft.annotations.Pipeline";
  public static final String STAGE = "dev.stagecraft.annotations.Stage";
  static final String DEPENDS_ON = "dev.stagecraft.annotations.DependsOn";
  static final String WHEN = "dev.stagecraft.annotations.When";
  static final String RESOURCES = "dev.stagecraft.annotations.Resources";
  static final String INPUT = "dev.stagecraft.annotations.Input";
  static final String PARAM = "dev.stagecraft.annotations.Param";
  static final String DEFAULT = "dev.stagecraft.annotations.Default";
  static final String FOR_EACH = "dev.stagecraft.annotations.ForEach";
  static final String ITEM = "dev.stagecraft.annotations.Item";
  static final String STAGE_CONTEXT = "dev.stagecraft.runtime.StageContext";

  private final TypeSupport typeSupport;

  public PipelineParser(TypeSupport typeSupport) {
    this.typeSupport = typeSupport;
  }

  /** Whether any stage of the class uses a type javac has not resolved (yet). */
  public static boolean hasUnresolvedTypes(TypeElement type) {
    for (Element e : type.getEnclosedElements()) {
      if (e instanceof ExecutableElement m && Annotations.find(m, STAGE).isPresent()) {
        if (TypeSupport.containsError(m.getReturnType())) {
          return true;
        }
        for (VariableElement p : m.getParameters()) {
          if (TypeSupport.containsError(p.asType())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Reads the class. */
  public PipelineModel parse(TypeElement type) {
    AnnotationMirror pipeline = Annotations.find(type, PIPELINE).orElseThrow();
    String name = Annotations.string(pipeline, "name", "");
    if (name.isEmpty()) {
      name = Names.defaultPipelineName(type.getSimpleName().toString());
    }
    List<StageModel> stages = new ArrayList<>();
    for (Element e : type.getEnclosedElements()) {
      if (e instanceof ExecutableElement m && e.getKind() == ElementKind.METHOD) {
        Optional<AnnotationMirror> stage = Annotations.find(m, STAGE);
        if (stage.isPresent()) {
          stages.add(stage(m, stage.get(), stages.size()));
        }
      }
    }
    ClassName className = ClassName.get(type);
    return new PipelineModel(
        type,
        pipeline,
        name,
        Annotations.string(pipeline, "description", ""),
        className,
        generatedName(type),
        instantiable(type),
        Annotations.find(type, RESOURCES).map(m -> resources(type, m)),
        stages);
  }

  /** {@code Stagecraft} + simple names from the outermost class, joined with {@code _}. */
  public static ClassName generatedName(TypeElement type) {
    List<String> names = new ArrayList<>();
    Element e = type;
    while (e instanceof TypeElement t) {
      names.add(0, t.getSimpleName().toString());
      e = t.getEnclosingElement();
    }
    while (!(e instanceof PackageElement) && e != null) {
      e = e.getEnclosingElement();
    }
    String pkg = e == null ? "" : ((PackageElement) e).getQualifiedName().toString();
    return ClassName.get(pkg, "Stagecraft" + String.join("_", names));
  }

  private static boolean instantiable(TypeElement type) {
    if (type.getKind() != ElementKind.CLASS
        || type.getModifiers().contains(Modifier.ABSTRACT)
        || (type.getNestingKind() == NestingKind.MEMBER
            && !type.getModifiers().contains(Modifier.STATIC))) {
      return false;
    }
    for (Element e : type.getEnclosedElements()) {
      if (e.getKind() == ElementKind.CONSTRUCTOR) {
        ExecutableElement c = (ExecutableElement) e;
        if (c.getParameters().isEmpty() && c.getModifiers().contains(Modifier.PUBLIC)) {
          return true;
        }
      }
    }
    return false;
  }

  private StageModel stage(ExecutableElement m, AnnotationMirror stage, int index) {
    String name = Annotations.string(stage, "name", "");
    if (name.isEmpty() && Annotations.explicit(stage, "name") == null) {
      name = m.getSimpleName().toString();
    }
    List<DependencyModel> dependsOn = new ArrayList<>();
    Annotations.find(m, DEPENDS_ON)
        .ifPresent(
            d -> {
              for (Map.Entry<String, AnnotationValue> v : Annotations.strings(d, "value")) {
                dependsOn.add(new DependencyModel(v.getKey(), d, v.getValue()));
              }
            });
    Optional<WhenModel> when =
        Annotations.find(m, WHEN)
            .map(
                w ->
                    new WhenModel(
                        w, Annotations.explicit(w, "value"), Annotations.string(w, "value", "")));
    Optional<ForEachModel> forEach = Annotations.find(m, FOR_EACH).map(PipelineParser::forEach);

    List<StageParameter> parameters = new ArrayList<>();
    List<DefaultModel> strayDefaults = new ArrayList<>();
    for (VariableElement p : m.getParameters()) {
      parameters.add(parameter(p, strayDefaults));
    }
    return new StageModel(
        m,
        stage,
        index,
        name,
        Annotations.enumConstant(stage, "type", Stage.DEFAULT_TYPE.name()),
        Annotations.string(stage, "description", ""),
        Annotations.integer(stage, "retries", Stage.DEFAULT_RETRIES),
        Annotations.string(stage, "backoff", Stage.DEFAULT_BACKOFF),
        Annotations.string(stage, "timeout", ""),
        Annotations.bool(stage, "cache", Stage.DEFAULT_CACHE),
        Annotations.string(stage, "version", Stage.DEFAULT_VERSION),
        m.getReturnType(),
        dependsOn,
        Annotations.find(m, RESOURCES).map(r -> resources(m, r)),
        when,
        forEach,
        parameters,
        strayDefaults);
  }

  private static ForEachModel forEach(AnnotationMirror f) {
    AnnotationValue items = Annotations.explicit(f, "items");
    AnnotationValue param = Annotations.explicit(f, "param");
    AnnotationValue input = Annotations.explicit(f, "input");
    String paramName = Annotations.string(f, "param", "");
    String inputName = Annotations.string(f, "input", "");
    List<String> itemList = new ArrayList<>();
    for (Map.Entry<String, AnnotationValue> e : Annotations.strings(f, "items")) {
      itemList.add(e.getKey());
    }
    return new ForEachModel(
        f,
        itemList,
        items,
        paramName,
        paramName.isEmpty() ? null : param,
        inputName,
        inputName.isEmpty() ? null : input);
  }

  private StageParameter parameter(VariableElement p, List<DefaultModel> strayDefaults) {
    Optional<AnnotationMirror> input = Annotations.find(p, INPUT);
    Optional<AnnotationMirror> param = Annotations.find(p, PARAM);
    Optional<AnnotationMirror> item = Annotations.find(p, ITEM);
    Optional<DefaultModel> defaultValue =
        Annotations.find(p, DEFAULT)
            .map(
                d ->
                    new DefaultModel(
                        p,
                        d,
                        Annotations.explicit(d, "value"),
                        Annotations.string(d, "value", "")));
    List<String> present = new ArrayList<>();
    input.ifPresent(x -> present.add("@Input"));
    param.ifPresent(x -> present.add("@Param"));
    item.ifPresent(x -> present.add("@Item"));
    if (param.isEmpty()) {
      defaultValue.ifPresent(strayDefaults::add);
    }
    if (present.size() > 1) {
      return new AmbiguousParameter(p, present);
    }
    TypeMirror type = p.asType();
    if (input.isPresent()) {
      AnnotationMirror in = input.get();
      boolean optional = typeSupport.isOptional(type);
      return new InputModel(
          p,
          in,
          Annotations.explicit(in, "value"),
          Annotations.string(in, "value", ""),
          type,
          optional,
          optional ? typeSupport.optionalValue(type) : type);
    }
    if (param.isPresent()) {
      AnnotationMirror pm = param.get();
      return new ParamModel(
          p,
          pm,
          Annotations.explicit(pm, "value"),
          Annotations.string(pm, "value", ""),
          Annotations.string(pm, "description", ""),
          type,
          ParamKinds.of(type),
          defaultValue);
    }
    if (item.isPresent()) {
      return new ItemModel(p, item.get(), type);
    }
    if (type.getKind() == TypeKind.DECLARED
        && typeSupport.types().asElement(type) instanceof TypeElement t
        && t.getQualifiedName().contentEquals(STAGE_CONTEXT)) {
      return new ContextParameter(p);
    }
    return new UnannotatedParameter(p);
  }

  private static ResourcesModel resources(Element on, AnnotationMirror r) {
    AnnotationValue cpu = Annotations.explicit(r, "cpu");
    AnnotationValue memory = Annotations.explicit(r, "memory");
    AnnotationValue gpu = Annotations.explicit(r, "gpu");
    return new ResourcesModel(
        on,
        r,
        cpu == null ? null : Annotations.string(r, "cpu", null),
        cpu,
        memory == null ? null : Annotations.string(r, "memory", null),
        memory,
        gpu == null ? null : Annotations.integer(r, "gpu", Resources.DEFAULT_GPU),
        gpu);
  }
}
