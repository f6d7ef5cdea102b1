/**
 * The messages between the OCR pool (ocr-client.ts) and its threads (ocr-worker.ts): tesseract.js's own worker
 * protocol, whose worker side (tesseract.js/src/worker-script) runs in each thread.
 */

export type OcrAction = 'load' | 'loadLanguage' | 'initialize' | 'recognize';

export interface OcrPacket {
  workerId: string;
  jobId: string;
  action: OcrAction;
  payload: unknown;
}

export interface OcrReply {
  workerId: string;
  jobId: string;
  action: OcrAction;
  status: 'resolve' | 'reject' | 'progress';
  data: unknown;
}

/** tesseract.js's recognition result, as far as the pool reads it. */
export interface OcrRecognition {
  data: { tsv?: string | null };
}
