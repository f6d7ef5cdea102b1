import fs from 'node:fs';

/** How the production image starts the service: its `node` flags and allocator settings (Dockerfile). */
export interface ImageRuntime {
  /** The flags between `node` and `dist/main.js` in the image's CMD. */
  nodeArgs: string[];
  /** The image's MALLOC_* variables (glibc allocator tuning); not its service configuration. */
  env: Record<string, string>;
}

/**
 * Read from the Dockerfile, so that the bench measures an instance as the image runs it and cannot drift from
 * it: the last `CMD ["node", …, "dist/main.js"]` and every `MALLOC_*=value` its ENV instructions set.
 */
export function imageRuntime(dockerfile = fs.readFileSync('Dockerfile', 'utf8')): ImageRuntime {
  const cmd = dockerfile
    .split('\n')
    .filter((line) => line.startsWith('CMD '))
    .at(-1);
  const args = cmd ? (JSON.parse(cmd.slice(4)) as unknown) : null;
  if (!Array.isArray(args) || args[0] !== 'node' || args.at(-1) !== 'dist/main.js')
    throw new Error('El Dockerfile no termina en CMD ["node", …, "dist/main.js"]');
  const env: Record<string, string> = {};
  const instructions = dockerfile
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .join('\n');
  for (const match of instructions.matchAll(/\bMALLOC_[A-Z_]+=[^\s\\]+/g)) {
    const [name, value] = match[0].split('=') as [string, string];
    env[name] = value;
  }
  return { nodeArgs: args.slice(1, -1) as string[], env };
}
