import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_FEATURE_SETTINGS, type FeatureSettings, featureSettingsHash } from '../../model/features.ts';
import { MANIFEST_FORMAT_VERSION, type ModelManifest, manifestSchema } from '../../model/manifest.ts';
import { type DecodedOnnxModel, decodeOnnxModel } from '../../model/onnx-export.ts';

export type ModelLoadErrorCode = 'model_missing' | 'model_corrupt' | 'model_mismatch';

/** The model cannot be used: raised at start, never at the first file. The message says what to do. */
export class ModelLoadError extends Error {
  constructor(
    readonly code: ModelLoadErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ModelLoadError';
  }
}

export interface ModelFiles {
  manifest: ModelManifest;
  bytes: Uint8Array;
  decoded: DecodedOnnxModel;
  idf: Float32Array;
}

const RETRAIN_HINT = 'vuelva a entrenar con `facturas train <carpeta>`';

/**
 * Reads and checks `model.json` + `model.onnx` against this code: manifest format version, the feature
 * settings (the ones the code computes must be the ones the model was trained on), label map, the graph's
 * checksum and its input width. Anything off is a ModelLoadError naming the file and the difference.
 */
export async function loadModelFiles(
  modelDir: string,
  expectedFeatures: FeatureSettings = DEFAULT_FEATURE_SETTINGS,
): Promise<ModelFiles> {
  const manifestPath = path.join(modelDir, 'model.json');
  const manifestText = await readText(manifestPath);
  let raw: unknown;
  try {
    raw = JSON.parse(manifestText);
  } catch {
    throw new ModelLoadError('model_corrupt', `${manifestPath} no es JSON válido; ${RETRAIN_HINT}`);
  }
  const version = (raw as { formatVersion?: unknown } | null)?.formatVersion;
  if (version !== MANIFEST_FORMAT_VERSION) {
    throw new ModelLoadError(
      'model_mismatch',
      `${manifestPath} tiene formatVersion ${JSON.stringify(version)}; este código admite ${MANIFEST_FORMAT_VERSION}; ${RETRAIN_HINT}`,
    );
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? `${first.path.join('.')}: ${first.message}` : 'estructura inválida';
    throw new ModelLoadError('model_corrupt', `${manifestPath} no es un manifiesto válido (${where})`);
  }
  const manifest = parsed.data;
  const { settingsHash, ...settings } = manifest.features;
  if (featureSettingsHash(settings) !== settingsHash) {
    throw new ModelLoadError(
      'model_corrupt',
      `${manifestPath}: settingsHash no corresponde a sus características`,
    );
  }
  if (settingsHash !== featureSettingsHash(expectedFeatures)) {
    throw new ModelLoadError(
      'model_mismatch',
      `${manifestPath} se entrenó con otras características (${describe(settings)}) que las de este código (${describe(expectedFeatures)}); ${RETRAIN_HINT}`,
    );
  }
  if (manifest.idf.length !== settings.dimensions) {
    throw new ModelLoadError(
      'model_corrupt',
      `${manifestPath}: idf tiene ${manifest.idf.length} valores, se esperaban ${settings.dimensions}`,
    );
  }

  const modelPath = path.join(modelDir, manifest.modelFile);
  const bytes = await readFile(modelPath).catch(() => {
    throw new ModelLoadError('model_missing', `no se encontró ${modelPath}; ${RETRAIN_HINT}`);
  });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (sha256 !== manifest.modelSha256) {
    throw new ModelLoadError(
      'model_corrupt',
      `${modelPath} no coincide con el sha256 de ${manifestPath} (archivo dañado o de otro entrenamiento)`,
    );
  }
  let decoded: DecodedOnnxModel;
  try {
    decoded = decodeOnnxModel(bytes);
  } catch (error) {
    throw new ModelLoadError(
      'model_corrupt',
      `${modelPath} no es un modelo ONNX legible: ${(error as Error).message}`,
    );
  }
  const { inputs, hidden, classes } = manifest.architecture;
  const w = decoded.weights;
  if (
    decoded.inputDimensions !== settings.dimensions ||
    w.inputs !== inputs ||
    w.hidden !== hidden ||
    classes !== 2 ||
    w.classes !== 2
  ) {
    throw new ModelLoadError(
      'model_mismatch',
      `${modelPath} espera ${decoded.inputDimensions} características y ${w.classes} clases; el manifiesto dice ${settings.dimensions} y 2`,
    );
  }
  return { manifest, bytes, decoded, idf: Float32Array.from(manifest.idf) };
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    throw new ModelLoadError(
      'model_missing',
      `no se encontró el manifiesto del modelo ${file}; ${RETRAIN_HINT}`,
    );
  }
}

function describe(settings: FeatureSettings): string {
  return `dim ${settings.dimensions}, palabras ${settings.wordNgrams.join('-')}, caracteres ${settings.charNgrams.join('-')}, normalización v${settings.normalisationVersion}`;
}
