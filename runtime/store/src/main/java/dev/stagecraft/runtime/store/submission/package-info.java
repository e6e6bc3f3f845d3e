/**
 * Runs a pipeline server accepted, recorded in the store before it answers ({@link
 * dev.stagecraft.runtime.store.submission.Submissions}), so that a restart starts the queued ones
 * and resumes the interrupted ones.
 */
package dev.stagecraft.runtime.store.submission;
