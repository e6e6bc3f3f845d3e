package dev.stagecraft.processor.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * One {@code @Stage} method.
 *
 * @param index the position in declaration order
 * @param type the {@code StageType} constant's name
 * @param strayDefaults {@code @Default}s on parameters that are not {@code @Param}s
 */
public record StageModel(
    ExecutableElement method,
    AnnotationMirror annotation,
    int index,
    String name,
    String type,
    String description,
    int retries,
    String backoff,
    String timeout,
    boolean cache,
    String version,
    TypeMirror returnType,
    List<DependencyModel> dependsOn,
    Optional<ResourcesModel> resources,
    Optional<WhenModel> when,
    Optional<ForEachModel> forEach,
    List<StageParameter> parameters,
    List<DefaultModel> strayDefaults) {

  public StageModel {
    dependsOn = List.copyOf(dependsOn);
    parameters = List.copyOf(parameters);
    strayDefaults = List.copyOf(strayDefaults);
  }

  /** Whether the {@code @Stage} sets this attribute in source; else its default applies. */
  public boolean sets(String attribute) {
    return Annotations.explicit(annotation, attribute) != null;
  }

  /** The method's simple name. */
  public String methodName() {
    return method.getSimpleName().toString();
  }

  /** Whether the method returns nothing. */
  public boolean isVoid() {
    return returnType.getKind() == TypeKind.VOID;
  }

  /** Whether one instance runs per item. */
  public boolean isFanOut() {
    return forEach.isPresent();
  }

  /** The {@code @Input} parameters in order. */
  public List<InputModel> inputs() {
    List<InputModel> out = new ArrayList<>();
    for (StageParameter p : parameters) {
      if (p instanceof InputModel in) {
        out.add(in);
      }
    }
    return out;
  }

  /** The {@code @Param} parameters in order. */
  public List<ParamModel> params() {
    List<ParamModel> out = new ArrayList<>();
    for (StageParameter p : parameters) {
      if (p instanceof ParamModel pm) {
        out.add(pm);
      }
    }
    return out;
  }

  /** The {@code @Item} parameters (one when valid). */
  public List<ItemModel> items() {
    List<ItemModel> out = new ArrayList<>();
    for (StageParameter p : parameters) {
      if (p instanceof ItemModel it) {
        out.add(it);
      }
    }
    return out;
  }
}
