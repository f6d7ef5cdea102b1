import * as mupdf from 'mupdf';

/**
 * mupdf writes warnings ("repairing PDF document", "cannot load object") straight to stderr, which breaks
 * the one-JSON-object-per-line logs. They are collected instead: `collectMupdfWarnings` gathers the ones a
 * synchronous piece of work produced (mupdf calls are synchronous, so nothing else interleaves).
 */
let collector: string[] | null = null;
let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  const record = (message: string) => {
    if (collector && collector.length < 50) collector.push(message.trim());
  };
  mupdf.setLog({ warning: record, error: record });
}

export function collectMupdfWarnings<T>(work: () => T): { result: T; warnings: string[] } {
  install();
  const previous = collector;
  const warnings: string[] = [];
  collector = warnings;
  try {
    return { result: work(), warnings };
  } finally {
    collector = previous;
  }
}
