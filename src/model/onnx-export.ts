import type { MlpWeights } from './mlp.ts';
import { ATTRIBUTE_INT, FLOAT, IR_VERSION, ModelProto, OPSET_VERSION } from './onnx-schema.ts';

/**
 * The classifier as an ONNX graph:
 *
 *   features [N, D] ─MatMul w1─Add b1─Relu─MatMul w2─Add b2─► logits [N, C] ─Div temperature─Softmax─►
 *   probabilities [N, C]      (also outputs `hidden_input` [N, H], the layer before ReLU, for explanations)
 *
 * Weights are little-endian float32 `rawData` initializers. IR 8, opset 17 (both well inside what
 * onnxruntime-node 1.30 runs).
 */

export const INPUT_NAME = 'features';
export const OUTPUT_PROBABILITIES = 'probabilities';
export const OUTPUT_LOGITS = 'logits';
/** The hidden layer before ReLU: what explanations need, so inference does not recompute it. */
export const OUTPUT_HIDDEN = 'hidden_input';

export interface OnnxModelInfo {
  modelVersion: string;
  docString?: string;
}

export function buildOnnxModel(weights: MlpWeights, temperature: number, info: OnnxModelInfo): Uint8Array {
  const { inputs: D, hidden: H, classes: C } = weights;
  const graph = {
    name: 'clasificador_facturas_mlp',
    docString: 'TF-IDF hashed n-grams → MLP → temperature-scaled softmax (correctiva=0, preventiva=1)',
    initializer: [
      tensor('w1', [D, H], weights.w1),
      tensor('b1', [H], weights.b1),
      tensor('w2', [H, C], weights.w2),
      tensor('b2', [C], weights.b2),
      tensor('temperature', [1], Float32Array.of(temperature)),
    ],
    node: [
      node('MatMul', ['features', 'w1'], ['hidden_matmul']),
      node('Add', ['hidden_matmul', 'b1'], [OUTPUT_HIDDEN]),
      node('Relu', [OUTPUT_HIDDEN], ['hidden']),
      node('MatMul', ['hidden', 'w2'], ['output_matmul']),
      node('Add', ['output_matmul', 'b2'], [OUTPUT_LOGITS]),
      node('Div', [OUTPUT_LOGITS, 'temperature'], ['scaled_logits']),
      {
        ...node('Softmax', ['scaled_logits'], [OUTPUT_PROBABILITIES]),
        attribute: [{ name: 'axis', type: ATTRIBUTE_INT, i: -1 }],
      },
    ],
    input: [valueInfo(INPUT_NAME, ['N', D])],
    output: [
      valueInfo(OUTPUT_PROBABILITIES, ['N', C]),
      valueInfo(OUTPUT_LOGITS, ['N', C]),
      valueInfo(OUTPUT_HIDDEN, ['N', H]),
    ],
  };
  const model = ModelProto.fromObject({
    irVersion: IR_VERSION,
    opsetImport: [{ domain: '', version: OPSET_VERSION }],
    producerName: 'clasificador-facturas',
    producerVersion: '1',
    docString: info.docString ?? '',
    graph,
    metadataProps: [{ key: 'model_version', value: info.modelVersion }],
  });
  return ModelProto.encode(model).finish();
}

function tensor(name: string, dims: number[], values: Float32Array) {
  const raw = new Uint8Array(values.length * 4);
  const view = new DataView(raw.buffer);
  for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i]!, true);
  return { name, dims, dataType: FLOAT, rawData: raw };
}

function node(opType: string, input: string[], output: string[]) {
  return { opType, input, output, name: output[0] };
}

function valueInfo(name: string, dims: (number | string)[]) {
  return {
    name,
    type: {
      tensorType: {
        elemType: FLOAT,
        shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) },
      },
    },
  };
}

export interface DecodedOnnxModel {
  weights: MlpWeights;
  temperature: number;
  inputName: string;
  /** The declared input width D (the symbolic batch dimension is dropped). */
  inputDimensions: number;
  modelVersion: string | null;
}

/**
 * Reads back a model this project wrote (weights for explanations and checks at load). Throws with a
 * plain message when the bytes are not such a model.
 */
export function decodeOnnxModel(bytes: Uint8Array): DecodedOnnxModel {
  const decoded = ModelProto.toObject(ModelProto.decode(bytes), { longs: Number, bytes: Uint8Array }) as {
    graph?: {
      initializer?: { name: string; dims: number[]; rawData?: Uint8Array }[];
      input?: { name: string; type?: { tensorType?: { shape?: { dim?: { dimValue?: number }[] } } } }[];
    };
    metadataProps?: { key: string; value: string }[];
  };
  const initializers = new Map((decoded.graph?.initializer ?? []).map((t) => [t.name, t]));
  const read = (name: string, expectedLength?: number): { values: Float32Array; dims: number[] } => {
    const t = initializers.get(name);
    if (!t?.rawData) throw new Error(`el grafo ONNX no tiene el tensor '${name}'`);
    const count = t.dims.reduce((a, b) => a * Number(b), 1);
    if (t.rawData.length !== count * 4 || (expectedLength !== undefined && count !== expectedLength)) {
      throw new Error(`el tensor '${name}' del grafo ONNX tiene un tamaño inesperado`);
    }
    const view = new DataView(t.rawData.buffer, t.rawData.byteOffset, t.rawData.byteLength);
    const values = new Float32Array(count);
    for (let i = 0; i < count; i++) values[i] = view.getFloat32(i * 4, true);
    return { values, dims: t.dims.map(Number) };
  };
  const w1 = read('w1');
  const w2 = read('w2');
  const [D, H] = w1.dims as [number, number];
  const C = w2.dims[1] ?? 0;
  const input = decoded.graph?.input?.[0];
  const inputWidth = input?.type?.tensorType?.shape?.dim?.[1]?.dimValue;
  if (!input || inputWidth === undefined)
    throw new Error('el grafo ONNX no declara la entrada de características');
  return {
    weights: {
      inputs: D,
      hidden: H,
      classes: C,
      w1: w1.values,
      b1: read('b1', H).values,
      w2: w2.values,
      b2: read('b2', C).values,
    },
    temperature: read('temperature', 1).values[0]!,
    inputName: input.name,
    inputDimensions: Number(inputWidth),
    modelVersion: decoded.metadataProps?.find((p) => p.key === 'model_version')?.value ?? null,
  };
}
