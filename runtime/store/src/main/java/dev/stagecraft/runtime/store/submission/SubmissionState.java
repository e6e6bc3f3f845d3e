package dev.stagecraft.runtime.store.submission;

/** Where a submission is: waiting for its turn, carried on by a run, or over. */
public enum SubmissionState {
  /** Accepted, not started: held by the tenant's quota or its limit on runs at once. */
  QUEUED,
  /** A run carries it on (or did, until the server stopped: then it is resumed). */
  STARTED,
  /** Its run ended, whatever its status. */
  ENDED
}
