package dev.stagecraft.examples.server;

import dev.stagecraft.annotations.Input;
import dev.stagecraft.annotations.Pipeline;
import dev.stagecraft.annotations.Stage;
import dev.stagecraft.annotations.StageType;
import dev.stagecraft.runtime.StageContext;

/**
 * A pipeline that does with a tenant's secret everything a careless stage could: logs it, reports
 * it as progress and in a metric's name, throws it in an exception, and returns it. The server
 * tests then look for the value everywhere the server writes or answers.
 */
@Pipeline(description = "Reads the tenant's secret and environment, and tries to leak the secret")
public class SecretProbePipeline {
  /** The secret's name in the tenants file. */
  public static final String SECRET = "DB_PASSWORD";

  /** Reads the secret and the environment, logs and reports the secret: all masked. */
  @Stage(type = StageType.INGESTION, description = "Use the secret; log it and report it")
  public String use(StageContext ctx) {
    String password = ctx.secret(SECRET);
    ctx.logger()
        .info(
            "connecting to {} with password {}", ctx.environment().get("FEATURE_STORE"), password);
    ctx.progress("connected with " + password);
    ctx.metric("length of " + password, password.length());
    return "connected to "
        + ctx.environment().get("FEATURE_STORE")
        + " with a password of "
        + password.length()
        + " characters";
  }

  /** Fails twice with the secret in its exception's message. */
  @Stage(type = StageType.PREPROCESSING, retries = 1, backoff = "PT0S", description = "Throw it")
  public String fail(@Input("use") String connected, StageContext ctx) {
    throw new IllegalStateException("cannot log in with " + ctx.secret(SECRET));
  }

  /** Returns the secret: fails, and nothing is stored. */
  @Stage(type = StageType.FEATURE_ENGINEERING, description = "Return it")
  public String leak(@Input("use") String connected, StageContext ctx) {
    return "the password is " + ctx.secret(SECRET);
  }
}
