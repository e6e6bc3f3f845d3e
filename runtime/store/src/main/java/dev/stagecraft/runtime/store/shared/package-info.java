/**
 * The run history of exported runs, on a store that many pods share on one ReadWriteMany volume
 * (often NFS), where SQLite cannot be used: its WAL needs shared memory between the writers, and
 * its locks are not reliable over NFS. Instead every process writes files of its own, each exactly
 * once and atomically (a temporary file in the same directory, forced to disk, then renamed, which
 * NFS performs on the server as one operation): the begin task the run's record, each stage process
 * its stage's record (or, for an attempt that Argo retries, an attempt record), the exit handler
 * the records of the stages Argo skipped or omitted and the run's end. No file is ever updated, so
 * two processes finishing at the same instant never touch the same file, and a process killed
 * mid-write leaves only a temporary file that readers ignore. Artifacts stay content-addressed
 * files written the same way; small outputs travel inside their stage's record. Readers ({@link
 * dev.stagecraft.runtime.store.StoreReader}) import the records into a private SQLite database on
 * local disk and query it as any history.
 */
package dev.stagecraft.runtime.store.shared;
