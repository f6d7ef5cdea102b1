import type { Classification } from '../contract/result.ts';

/** Port: correctiva/preventiva classification (onnxruntime-node over onnx/model.onnx). */

export interface FeatureContribution {
  feature: string;
  /** Signed contribution towards the chosen class. */
  weight: number;
}

export interface ClassifierDecision extends Classification {
  /** The few features that drove the decision, strongest first. */
  explanation: FeatureContribution[];
}

export interface Classifier {
  readonly modelVersion: string;
  /** Classifies many texts at once (one batched inference). */
  classify(texts: string[]): Promise<ClassifierDecision[]>;
  close(): Promise<void>;
}
