package dev.stagecraft.processor.parse;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/**
 * One {@code @Pipeline} class as the parser read it: nothing checked yet, every element kept for
 * error locations.
 *
 * @param generatedName {@code Stagecraft} + the simple names of the class and its enclosing classes
 *     joined with {@code _}, in the same package
 * @param instantiable whether it has a public no-argument constructor (and is not abstract)
 * @param resources the class-level {@code @Resources}, pipeline-wide defaults
 * @param parameters the nested {@code @Parameters} types (one when valid)
 */
public record PipelineModel(
    TypeElement element,
    AnnotationMirror annotation,
    String name,
    String description,
    ClassName className,
    ClassName generatedName,
    boolean instantiable,
    Optional<ResourcesModel> resources,
    List<ParametersModel> parameters,
    List<StageModel> stages) {

  public PipelineModel {
    parameters = List.copyOf(parameters);
    stages = List.copyOf(stages);
  }

  /** The {@code @Parameters} record, when the pipeline declares its parameters in one. */
  public Optional<ParametersModel> declared() {
    return parameters.isEmpty() ? Optional.empty() : Optional.of(parameters.get(0));
  }
}
