import { z } from 'zod';
import type { CLASS_LABELS } from '../contract/result.ts';

/**
 * `onnx/model.json`: everything inference needs besides the graph, and what a person needs to trust it.
 * `formatVersion` changes when this shape or the meaning of a field changes; the loader refuses other
 * versions.
 */
export const MANIFEST_FORMAT_VERSION = 1;

export const LABEL_MAP = { '0': 'correctiva', '1': 'preventiva' } as const satisfies Record<
  '0' | '1',
  (typeof CLASS_LABELS)[number]
>;

const metricsSchema = z.object({
  samples: z.number(),
  accuracy: z.number(),
  acceptedAccuracy: z.number(),
  abstentionRate: z.number(),
  errorRate: z.number(),
  confusion: z.array(z.array(z.number())),
  perClass: z.array(z.object({ precision: z.number(), recall: z.number(), support: z.number() })),
  abstained: z.number(),
  acceptedErrors: z.number(),
});

export const manifestSchema = z.object({
  formatVersion: z.number().int(),
  modelVersion: z.string().min(1),
  createdAt: z.string(),
  modelFile: z.string(),
  modelSha256: z.string().regex(/^[0-9a-f]{64}$/),
  features: z.object({
    dimensions: z.number().int().positive(),
    wordNgrams: z.tuple([z.number().int(), z.number().int()]),
    charNgrams: z.tuple([z.number().int(), z.number().int()]),
    hashing: z.literal('fnv1a32'),
    tf: z.literal('sublinear'),
    normalisationVersion: z.number().int(),
    settingsHash: z.string(),
  }),
  /** IDF per hashed dimension (length = dimensions), applied before L2 normalisation. */
  idf: z.array(z.number()),
  architecture: z.object({ inputs: z.number(), hidden: z.number(), classes: z.number() }),
  labels: z.object({ '0': z.literal('correctiva'), '1': z.literal('preventiva') }),
  temperature: z.number().positive(),
  thresholds: z.object({
    /** Calibrated confidence below which the decision is `revision`. */
    abstain: z.number().min(0).max(1),
    targetErrorRate: z.number(),
    targetAbstentionRate: z.number(),
    targetsMet: z.boolean(),
  }),
  validation: metricsSchema,
  training: z.object({
    seed: z.number(),
    setSha256: z.string(),
    samples: z.object({ total: z.number(), train: z.number(), validation: z.number() }),
    perClass: z.object({ correctiva: z.number(), preventiva: z.number() }),
    sources: z.record(z.string(), z.number()),
    bestEpoch: z.number(),
    epochs: z.number(),
    trainingMs: z.number(),
  }),
  /** The most informative features towards each class, for people reading the manifest. */
  topFeatures: z.object({
    correctiva: z.array(z.object({ feature: z.string(), weight: z.number() })),
    preventiva: z.array(z.object({ feature: z.string(), weight: z.number() })),
  }),
});

export type ModelManifest = z.infer<typeof manifestSchema>;
