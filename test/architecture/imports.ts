import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** One relative import of a TypeScript file under src/, resolved to a path from the repository root. */
export interface ImportEdge {
  from: string;
  to: string;
}

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

// Static `import … from '…'`, `export … from '…'`, side-effect `import '…'` and `import('…')` with a literal.
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;

/** Every `.ts` file below `dir` (a path from the repository root), as paths from the root. */
export function typeScriptFiles(dir: string): string[] {
  return readdirSync(path.join(REPO_ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => path.posix.join(dir, file.split(path.sep).join('/')));
}

/** The relative imports of each file, resolved against the file's folder. Packages are left out. */
export function relativeImports(files: string[]): ImportEdge[] {
  return files.flatMap((from) => {
    const text = readFileSync(path.join(REPO_ROOT, from), 'utf8');
    return [...text.matchAll(SPECIFIER)]
      .map((match) => match[1]!)
      .filter((specifier) => specifier.startsWith('.'))
      .map((specifier) => ({
        from,
        to: path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier)),
      }));
  });
}

/** The cycles of a directed graph, one per strongly connected component with more than one node. */
export function cycles(edges: [string, string][]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const [a, b] of edges) {
    if (a === b) continue;
    if (!next.has(a)) next.set(a, new Set());
    if (!next.has(b)) next.set(b, new Set());
    next.get(a)!.add(b);
  }
  // Tarjan's algorithm.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const target of next.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node)!, index.get(target)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) components.push(component.sort());
    }
  };
  for (const node of next.keys()) if (!index.has(node)) visit(node);
  return components;
}
