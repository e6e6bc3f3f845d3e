package dev.stagecraft.runtime.engine;

import dev.stagecraft.runtime.UserInputException;
import dev.stagecraft.runtime.graph.RetryPolicy;
import dev.stagecraft.runtime.graph.StageSpec;
import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ScheduledFuture;

/**
 * The one call into user code and the layers around it, in the spirit of Spotify Flo: each layer
 * adds one concern and calls the next. For each stage the engine builds the chain once: {@code
 * Storing -> Reuse -> Attempts -> Deadline -> Body}, leaving out layers a stage does not need (no
 * store, no resume, no timeout). The scheduler never sees any of it.
 */
interface Invocation {
  /** Runs the execution through this layer and the ones inside it. */
  CallResult invoke(Execution x) throws Exception;

  /**
   * The chain for one stage of a run, or for a {@link Slice} (not null): then only the slice's
   * attempt is made here; a failure it would retry is reported with its wait, and the retry is left
   * to whoever runs the slice again.
   */
  static Invocation chain(RunExecution run, StageSpec spec, RunOptions options, Slice slice) {
    Invocation call = new Body(spec);
    if (spec.timeout().isPresent()) {
      call = new Deadline(run, spec.timeout().get(), call);
    }
    call =
        new Attempts(
            run, spec.retry(), slice == null ? 1 : slice.attempt(), slice != null, options, call);
    if (options.resume().isPresent()) {
      call = new Reuse(options.resume().get(), call);
    }
    if (options.outputStore().isPresent()) {
      call = new Storing(run, spec, options.outputStore().get(), options.useCache(), call);
    }
    return call;
  }

  /** Calls the stage's body: the generated code that calls the user's method. */
  record Body(StageSpec spec) implements Invocation {
    @Override
    public CallResult invoke(Execution x) throws Exception {
      return CallResult.succeeded(spec.body().run(x));
    }
  }

  /**
   * Interrupts an attempt that runs past the stage's timeout; the engine fails it at that moment.
   */
  record Deadline(RunExecution run, Duration timeout, Invocation next) implements Invocation {
    @Override
    public CallResult invoke(Execution x) throws Exception {
      ScheduledFuture<?> alarm = run.scheduleTimeout(x, x.attempts(), timeout);
      try {
        return next.invoke(x);
      } finally {
        alarm.cancel(false);
      }
    }
  }

  /**
   * Attempts: reports each start, retries a failure with exponential backoff and jitter while
   * retries remain, and fails at once on a {@code NonRetryableException} or after a timeout or
   * cancel. Counting starts at attempt {@code first}; with {@code oneAttempt} (a slice) a failure
   * that would be retried is reported with its wait and ends this attempt: the retry runs
   * elsewhere.
   */
  final class Attempts implements Invocation {
    private final RunExecution run;
    private final RetryPolicy retry;
    private final int first;
    private final boolean oneAttempt;
    private final RunOptions options;
    private final Invocation next;

    Attempts(
        RunExecution run,
        RetryPolicy retry,
        int first,
        boolean oneAttempt,
        RunOptions options,
        Invocation next) {
      this.run = run;
      this.retry = retry;
      this.first = first;
      this.oneAttempt = oneAttempt;
      this.options = options;
      this.next = next;
    }

    @Override
    public CallResult invoke(Execution x) {
      SplittableRandom random = null;
      for (int attempt = first; ; attempt++) {
        x.startAttempt(attempt, attempt == first ? x.start() : options.clock().instant());
        run.attemptStarted(x, attempt);
        Throwable error;
        try {
          return next.invoke(x);
        } catch (Throwable t) {
          error = t;
        }
        UserInputException badInput = Failures.userInput(error);
        if (badInput != null && !x.isFinished() && !x.isCancelled()) {
          run.attemptFailed(x, Failures.reason(error), error, Optional.empty());
          throw badInput; // bad input is not retried; the run records it as the stage's input error
        }
        String reason = Failures.reason(error);
        if (x.isFinished() || x.isCancelled()) {
          return CallResult.failed(reason); // a timeout or cancel has already decided the outcome
        }
        if (Failures.isNonRetryable(error)) {
          run.attemptFailed(x, reason, error, Optional.empty());
          return CallResult.failed(reason);
        }
        if (attempt > retry.retries()) {
          run.attemptFailed(x, reason, error, Optional.empty());
          return CallResult.failed(
              attempt > 1 ? reason + " (after " + attempt + " attempts)" : reason);
        }
        if (random == null) {
          random = new SplittableRandom(options.seed() * 31 + x.name.hashCode());
        }
        Duration wait = Backoff.delay(retry.backoff(), attempt, random);
        run.attemptFailed(x, reason, error, Optional.of(wait));
        if (oneAttempt) {
          return CallResult.failed(reason);
        }
        try {
          options.sleeper().sleep(wait);
        } catch (InterruptedException e) {
          return CallResult.failed(reason);
        }
      }
    }
  }

  /**
   * The output store: a stage with {@code cache = true} (caching on) whose key is stored ends
   * CACHED without executing; every fresh or reused output is saved for this run. An output the
   * store cannot save fails the stage with the store's message.
   */
  record Storing(
      RunExecution run, StageSpec spec, OutputStore store, boolean useCache, Invocation next)
      implements Invocation {
    @Override
    public CallResult invoke(Execution x) throws Exception {
      StageKey key = run.key(x);
      if (spec.cache() && useCache) {
        Optional<OutputStore.StoredOutput> hit = store.lookup(key);
        if (hit.isPresent()) {
          return CallResult.cached(hit.get().value());
        }
      }
      CallResult result = next.invoke(x);
      if (result.save() && !x.isFinished()) {
        Optional<String> secret = run.secrets().foundIn(result.output());
        if (secret.isPresent()) {
          return CallResult.failed(
              "stage '"
                  + x.name
                  + "' returned the value of secret '"
                  + secret.get()
                  + "'; secrets reach stages through StageContext.secret and must not be returned"
                  + " as outputs (nothing was stored)");
        }
        try {
          store.save(key, result.output());
        } catch (Exception e) {
          return CallResult.failed(Failures.reason(e));
        }
      }
      return result;
    }
  }

  /** Resume: an execution that succeeded in the earlier run reuses its output (CACHED). */
  record Reuse(RunOptions.Resume resume, Invocation next) implements Invocation {
    @Override
    public CallResult invoke(Execution x) throws Exception {
      OutputStore.StoredOutput reused = resume.outputs().get(x.name);
      if (reused != null) {
        return CallResult.reused(reused.value(), resume.runId());
      }
      return next.invoke(x);
    }
  }
}
