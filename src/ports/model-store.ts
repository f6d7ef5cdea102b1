/** Port: where promoted models are kept so that every instance can load the same one. */

/** One model version: the ONNX graph and its manifest (`model.json`, which names the graph's file). */
export interface ModelFiles {
  onnx: Uint8Array;
  manifest: Uint8Array;
}

export interface ModelStore {
  /** Stores a version. Versions are immutable: storing one that exists leaves it as it is. */
  put(version: string, files: ModelFiles): Promise<void>;
  /** The version's files, or null when it is not stored. */
  get(version: string): Promise<ModelFiles | null>;
  /** Every stored version (any order). */
  list(): Promise<string[]>;
}
