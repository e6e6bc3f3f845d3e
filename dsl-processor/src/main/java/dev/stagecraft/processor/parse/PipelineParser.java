package dev.stagecraft.processor.parse;

import com.palantir.javapoet.ClassName;
import dev.stagecraft.annotations.Resources;
import dev.stagecraft.annotations.Stage;
import dev.stagecraft.annotations.syntax.ValueCheck;
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
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

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
  public static final String PARAMETERS = "dev.stagecraft.annotations.Parameters";
  static final String RANGE = "dev.stagecraft.annotations.Range";
  static final String NOT_EMPTY = "dev.stagecraft.annotations.NotEmpty";
  static final String ONE_OF = "dev.stagecraft.annotations.OneOf";
  static final String STAGE_CONTEXT = "dev.stagecraft.runtime.StageContext";

  private final TypeSupport typeSupport;

  public PipelineParser(TypeSupport typeSupport) {
    this.typeSupport = typeSupport;
  }

  /**
   * Whether any stage or {@code @Parameters} component of the class uses a type javac has not
   * resolved (yet).
   */
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
      if (e instanceof TypeElement nested && Annotations.find(nested, PARAMETERS).isPresent()) {
        for (RecordComponentElement c : nested.getRecordComponents()) {
          if (TypeSupport.containsError(c.asType())) {
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
    List<ParametersModel> parameters = new ArrayList<>();
    for (Element e : type.getEnclosedElements()) {
      if (e instanceof ExecutableElement m && e.getKind() == ElementKind.METHOD) {
        Optional<AnnotationMirror> stage = Annotations.find(m, STAGE);
        if (stage.isPresent()) {
          stages.add(stage(m, stage.get(), stages.size()));
        }
      }
      if (e instanceof TypeElement nested) {
        Annotations.find(nested, PARAMETERS).ifPresent(m -> parameters.add(parameters(nested, m)));
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
        parameters,
        stages);
  }

  /**
   * A {@code @Parameters} type: for a record, one declaration per component, read from its
   * canonical constructor's parameters, which carry the components' annotations and places.
   */
  private ParametersModel parameters(TypeElement type, AnnotationMirror mirror) {
    if (type.getKind() != ElementKind.RECORD) {
      return new ParametersModel(type, mirror, null, List.of(), false);
    }
    List<? extends RecordComponentElement> components = type.getRecordComponents();
    ExecutableElement canonical = null;
    for (ExecutableElement c : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      if (isCanonical(c, components)) {
        canonical = c;
      }
    }
    List<ParamModel> params = new ArrayList<>();
    boolean dropped = false;
    for (int i = 0; canonical != null && i < components.size(); i++) {
      VariableElement p = canonical.getParameters().get(i);
      dropped |= components.get(i).getAnnotationMirrors().size() > p.getAnnotationMirrors().size();
      params.add(param(p, Annotations.find(p, PARAM), defaultOf(p)));
    }
    return new ParametersModel(type, mirror, canonical, params, dropped);
  }

  private boolean isCanonical(
      ExecutableElement c, List<? extends RecordComponentElement> components) {
    if (c.getParameters().size() != components.size()) {
      return false;
    }
    for (int i = 0; i < components.size(); i++) {
      if (!typeSupport
          .types()
          .isSameType(c.getParameters().get(i).asType(), components.get(i).asType())) {
        return false;
      }
    }
    return true;
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
    Optional<DefaultModel> defaultValue = defaultOf(p);
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
      return param(p, param, defaultValue);
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

  private static Optional<DefaultModel> defaultOf(VariableElement p) {
    return Annotations.find(p, DEFAULT)
        .map(
            d ->
                new DefaultModel(
                    p, d, Annotations.explicit(d, "value"), Annotations.string(d, "value", "")));
  }

  /** A declaration; its name is the {@code @Param}'s value when written, else the element's. */
  private static ParamModel param(
      VariableElement p, Optional<AnnotationMirror> param, Optional<DefaultModel> defaultValue) {
    AnnotationValue nameValue = param.map(m -> Annotations.explicit(m, "value")).orElse(null);
    String name =
        nameValue == null
            ? p.getSimpleName().toString()
            : Annotations.string(param.get(), "value", "");
    return new ParamModel(
        p,
        param.orElse(null),
        nameValue,
        name,
        param.map(m -> Annotations.string(m, "description", "")).orElse(""),
        p.asType(),
        ParamKinds.of(p.asType()),
        defaultValue,
        checks(p));
  }

  private static List<CheckModel> checks(VariableElement p) {
    List<CheckModel> checks = new ArrayList<>();
    Annotations.find(p, RANGE)
        .ifPresent(
            r ->
                checks.add(
                    new CheckModel(
                        r,
                        "@Range",
                        new ValueCheck.Range(
                            Annotations.value(r, "min") instanceof Double d
                                ? d
                                : Double.NEGATIVE_INFINITY,
                            Annotations.value(r, "max") instanceof Double d
                                ? d
                                : Double.POSITIVE_INFINITY,
                            Annotations.bool(r, "minExclusive", false),
                            Annotations.bool(r, "maxExclusive", false)))));
    Annotations.find(p, NOT_EMPTY)
        .ifPresent(n -> checks.add(new CheckModel(n, "@NotEmpty", new ValueCheck.NotEmpty())));
    Annotations.find(p, ONE_OF)
        .ifPresent(
            o -> {
              List<String> values = new ArrayList<>();
              Annotations.strings(o, "value").forEach(e -> values.add(e.getKey()));
              checks.add(new CheckModel(o, "@OneOf", new ValueCheck.OneOf(values)));
            });
    return checks;
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
