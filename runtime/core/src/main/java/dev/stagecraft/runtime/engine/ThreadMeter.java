package dev.stagecraft.runtime.engine;

import java.lang.management.ManagementFactory;

/** CPU time and allocated bytes of a thread, where the JVM can measure them (else 0). */
final class ThreadMeter {
  private static final com.sun.management.ThreadMXBean BEAN = bean();

  private ThreadMeter() {}

  private static com.sun.management.ThreadMXBean bean() {
    try {
      java.lang.management.ThreadMXBean b = ManagementFactory.getThreadMXBean();
      if (b instanceof com.sun.management.ThreadMXBean sun) {
        if (sun.isThreadCpuTimeSupported() && !sun.isThreadCpuTimeEnabled()) {
          sun.setThreadCpuTimeEnabled(true);
        }
        if (sun.isThreadAllocatedMemorySupported() && !sun.isThreadAllocatedMemoryEnabled()) {
          sun.setThreadAllocatedMemoryEnabled(true);
        }
        return sun;
      }
    } catch (RuntimeException | LinkageError e) {
      // not measurable on this JVM
    }
    return null;
  }

  static long cpuNanos(long threadId) {
    if (BEAN == null) {
      return 0;
    }
    long v =
        threadId == Thread.currentThread().getId()
            ? BEAN.getCurrentThreadCpuTime()
            : BEAN.getThreadCpuTime(threadId);
    return Math.max(v, 0);
  }

  static long allocatedBytes(long threadId) {
    if (BEAN == null) {
      return 0;
    }
    return Math.max(BEAN.getThreadAllocatedBytes(threadId), 0);
  }
}
