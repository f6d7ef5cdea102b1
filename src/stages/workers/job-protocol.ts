/** The messages between a deadline pool (deadline-pool.ts) and its worker threads (serve-jobs.ts). */

export interface JobRequest<I> {
  id: number;
  input: I;
}

export interface JobFailure {
  code: string;
  message: string;
  retryable?: boolean;
  quarantine?: boolean;
}

export type JobReply<O> = { id: number; output: O } | { id: number; error: JobFailure };

/** What a worker posts once its entry (and whatever it imports) has loaded. */
export const READY = 'ready';
export type WorkerMessage<O> = typeof READY | JobReply<O>;
