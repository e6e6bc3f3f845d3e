package dev.stagecraft.runtime.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ends a run CANCELLED on Ctrl-C or SIGTERM: a shutdown hook interrupts the thread running it (the
 * engine cancels the run's stages and waits, bounded, for them to stop), then waits until the run
 * is recorded and its lease released before the JVM exits. Removed again when the run ends
 * normally.
 */
final class CancelOnShutdown {
  /** How long the JVM waits at exit for the cancelled run to be recorded. */
  static final long WAIT_SECONDS = 20;

  private final CountDownLatch recorded = new CountDownLatch(1);
  private final Thread hook;

  private CancelOnShutdown(Thread runner) {
    this.hook =
        new Thread(
            () -> {
              runner.interrupt();
              try {
                recorded.await(WAIT_SECONDS, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "stagecraft-cancel-on-shutdown");
  }

  /** Cancels the run the calling thread is about to run if the JVM is asked to stop. */
  static CancelOnShutdown install() {
    CancelOnShutdown c = new CancelOnShutdown(Thread.currentThread());
    Runtime.getRuntime().addShutdownHook(c.hook);
    return c;
  }

  /** The run is recorded (or failed to be): the JVM may exit; the hook is removed. */
  void recorded() {
    recorded.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running: it returns now that the run is recorded
    }
  }
}
