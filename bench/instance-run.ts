import { runEndToEnd } from './end-to-end.ts';

/**
 * One end-to-end pass on the compiled service (`dist/`), in a process of its own started as the image starts
 * the service (run.ts passes its node flags and allocator settings): its peak RSS is an instance's. Prints
 * the figures as one JSON line. `node bench/instance-run.ts INPUT_DIR WORK_DIR` (node strips the types).
 */
const [inputDir, workDir] = process.argv.slice(2);
if (!inputDir || !workDir)
  throw new Error('uso: node bench/instance-run.ts CARPETA_DE_ENTRADA CARPETA_DE_TRABAJO');
const figures = await runEndToEnd(inputDir, workDir, { code: 'dist' });
process.stdout.write(`${JSON.stringify(figures)}\n`);
