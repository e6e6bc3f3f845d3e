package dev.stagecraft.processor.parse;

import java.util.Locale;
import javax.lang.model.SourceVersion;

/** Naming rules: default pipeline names and Java identifiers derived from DSL names. */
public final class Names {
  private Names() {}

  /** {@code AdvancedMlPipeline} -> {@code advanced-ml}: kebab-case, a trailing Pipeline dropped. */
  public static String defaultPipelineName(String simpleName) {
    String base =
        simpleName.endsWith("Pipeline") && simpleName.length() > "Pipeline".length()
            ? simpleName.substring(0, simpleName.length() - "Pipeline".length())
            : simpleName;
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < base.length(); i++) {
      char c = base.charAt(i);
      if (Character.isUpperCase(c) && i > 0) {
        char prev = base.charAt(i - 1);
        boolean nextLower = i + 1 < base.length() && Character.isLowerCase(base.charAt(i + 1));
        if (Character.isLowerCase(prev)
            || Character.isDigit(prev)
            || (Character.isUpperCase(prev) && nextLower)) {
          sb.append('-');
        }
      }
      sb.append(c == '_' ? '-' : Character.toLowerCase(c));
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }

  /**
   * A Java identifier for a DSL name: {@code train-model} -> {@code trainModel}, keywords get a
   * {@code _}.
   */
  public static String identifier(String name) {
    StringBuilder sb = new StringBuilder();
    boolean upper = false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (sb.length() == 0
          ? Character.isJavaIdentifierStart(c)
          : Character.isJavaIdentifierPart(c)) {
        sb.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      } else if (sb.length() == 0 && Character.isJavaIdentifierPart(c)) {
        sb.append('_').append(c);
      } else {
        upper = sb.length() > 0;
      }
    }
    String id = sb.length() == 0 ? "_value" : sb.toString();
    return SourceVersion.isKeyword(id) || id.equals("_") ? id + "_" : id;
  }
}
