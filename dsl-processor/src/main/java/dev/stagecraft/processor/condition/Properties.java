package dev.stagecraft.processor.condition;

import dev.stagecraft.annotations.condition.TypeModel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The readable properties of a type: record components, public no-argument getters ({@code getX},
 * or {@code isX} returning a boolean) and public fields, declared or inherited; members of {@code
 * Object} and static members are not properties. Looked up in that order.
 */
final class Properties {
  private final Types types;
  private final Elements elements;

  Properties(Types types, Elements elements) {
    this.types = types;
    this.elements = elements;
  }

  /** The accessor for property {@code name} of {@code owner}, if it has one. */
  Optional<TypeModel.Property<TypeMirror>> find(DeclaredType owner, String name) {
    TypeElement type = (TypeElement) owner.asElement();
    if (type.getKind() == ElementKind.RECORD) {
      for (RecordComponentElement component : type.getRecordComponents()) {
        ExecutableElement accessor = component.getAccessor();
        if (component.getSimpleName().contentEquals(name)
            && accessor != null
            && accessor.getModifiers().contains(Modifier.PUBLIC)) {
          return Optional.of(method(owner, accessor));
        }
      }
    }
    List<ExecutableElement> methods = ElementFilter.methodsIn(elements.getAllMembers(type));
    String capitalized =
        name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    for (ExecutableElement method : methods) {
      if (isGetter(method) && method.getSimpleName().contentEquals("get" + capitalized)) {
        return Optional.of(method(owner, method));
      }
    }
    for (ExecutableElement method : methods) {
      if (isGetter(method)
          && isBoolean(method.getReturnType())
          && method.getSimpleName().contentEquals("is" + capitalized)) {
        return Optional.of(method(owner, method));
      }
    }
    for (VariableElement field : ElementFilter.fieldsIn(elements.getAllMembers(type))) {
      if (isReadable(field) && field.getSimpleName().contentEquals(name)) {
        TypeMirror fieldType = types.asMemberOf(owner, field);
        return Optional.of(new TypeModel.Property<>(name, true, fieldType));
      }
    }
    return Optional.empty();
  }

  /**
   * Every property name of {@code owner}, for "did you mean" and listings: record components, then
   * the type's own getters and fields in declaration order, then inherited ones.
   */
  List<String> names(DeclaredType owner) {
    TypeElement type = (TypeElement) owner.asElement();
    Set<String> names = new LinkedHashSet<>();
    if (type.getKind() == ElementKind.RECORD) {
      for (RecordComponentElement component : type.getRecordComponents()) {
        names.add(component.getSimpleName().toString());
      }
    }
    List<Element> members = new ArrayList<>(type.getEnclosedElements());
    for (Element member : elements.getAllMembers(type)) {
      if (!member.getEnclosingElement().equals(type)) {
        members.add(member);
      }
    }
    for (Element member : members) {
      propertyName(member).ifPresent(names::add);
    }
    return new ArrayList<>(names);
  }

  private Optional<String> propertyName(Element member) {
    if (member instanceof VariableElement field && isReadable(field)) {
      return Optional.of(field.getSimpleName().toString());
    }
    if (member instanceof ExecutableElement method
        && method.getKind() == ElementKind.METHOD
        && isGetter(method)) {
      String simple = method.getSimpleName().toString();
      if (simple.startsWith("get") && simple.length() > 3) {
        return Optional.of(decapitalize(simple.substring(3)));
      }
      if (simple.startsWith("is") && simple.length() > 2 && isBoolean(method.getReturnType())) {
        return Optional.of(decapitalize(simple.substring(2)));
      }
    }
    return Optional.empty();
  }

  private TypeModel.Property<TypeMirror> method(DeclaredType owner, ExecutableElement method) {
    TypeMirror returnType =
        ((javax.lang.model.type.ExecutableType) types.asMemberOf(owner, method)).getReturnType();
    return new TypeModel.Property<>(method.getSimpleName().toString(), false, returnType);
  }

  private boolean isGetter(ExecutableElement method) {
    return method.getModifiers().contains(Modifier.PUBLIC)
        && !method.getModifiers().contains(Modifier.STATIC)
        && method.getParameters().isEmpty()
        && method.getTypeParameters().isEmpty()
        && method.getReturnType().getKind() != TypeKind.VOID
        && !declaredByObject(method);
  }

  private boolean isReadable(VariableElement field) {
    return field.getModifiers().contains(Modifier.PUBLIC)
        && !field.getModifiers().contains(Modifier.STATIC)
        && field.getKind() == ElementKind.FIELD;
  }

  private static boolean declaredByObject(Element member) {
    Element owner = member.getEnclosingElement();
    return owner instanceof TypeElement type
        && type.getQualifiedName().contentEquals("java.lang.Object");
  }

  private static boolean isBoolean(TypeMirror type) {
    if (type.getKind() == TypeKind.BOOLEAN) {
      return true;
    }
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement())
            .getQualifiedName()
            .contentEquals("java.lang.Boolean");
  }

  private static String decapitalize(String name) {
    if (name.length() > 1
        && Character.isUpperCase(name.charAt(1))
        && Character.isUpperCase(name.charAt(0))) {
      return name;
    }
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }
}
