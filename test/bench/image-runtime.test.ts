import { describe, expect, it } from 'vitest';
import { imageRuntime } from '../../bench/image-runtime.ts';

describe('imageRuntime (how the bench starts an instance)', () => {
  it('reads the Dockerfile: the node flags of its CMD and its allocator settings', () => {
    const image = imageRuntime();
    expect(image.nodeArgs).toEqual(['--max-semi-space-size=4']);
    expect(image.env).toEqual({ MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '131072' });
  });

  it('takes MALLOC_* from ENV instructions only, the last CMD, and refuses a CMD that is not node on dist', () => {
    const dockerfile = [
      'FROM node AS runtime',
      '# MALLOC_TOP_PAD_=1 is only mentioned here',
      'ENV NODE_ENV=production \\',
      '    MALLOC_ARENA_MAX=4',
      'CMD ["node", "old.js"]',
      'CMD ["node", "--a", "--b=1", "dist/main.js"]',
    ].join('\n');
    expect(imageRuntime(dockerfile)).toEqual({ nodeArgs: ['--a', '--b=1'], env: { MALLOC_ARENA_MAX: '4' } });
    expect(() => imageRuntime('CMD ["npm", "start"]')).toThrow(/CMD/);
  });
});
