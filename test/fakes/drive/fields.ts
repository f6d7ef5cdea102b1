import { badRequest } from './errors.ts';

/**
 * Partial responses (`fields=`): `a,b(c,d),e/f` and `*`. Fields unknown to the resource are a 400
 * ("Invalid field selection"), as in Drive, so a typo in the adapter's mask fails in tests.
 */
type Schema = { [field: string]: Schema | null };

const FILE: Schema = {
  kind: null,
  id: null,
  name: null,
  mimeType: null,
  parents: null,
  trashed: null,
  explicitlyTrashed: null,
  md5Checksum: null,
  size: null,
  webViewLink: null,
  webContentLink: null,
  createdTime: null,
  modifiedTime: null,
  version: null,
  driveId: null,
};

export const SCHEMAS = {
  file: FILE,
  fileList: { kind: null, nextPageToken: null, incompleteSearch: null, files: FILE },
  change: {
    kind: null,
    changeType: null,
    time: null,
    removed: null,
    fileId: null,
    file: FILE,
    driveId: null,
  },
  changeList: {
    kind: null,
    nextPageToken: null,
    newStartPageToken: null,
    changes: {
      kind: null,
      changeType: null,
      time: null,
      removed: null,
      fileId: null,
      file: FILE,
      driveId: null,
    },
  },
  startPageToken: { kind: null, startPageToken: null },
  channel: { kind: null, id: null, resourceId: null, resourceUri: null, token: null, expiration: null },
} satisfies Record<string, Schema>;

/** What Drive v3 returns when no `fields` parameter is given. */
export const DEFAULT_FIELDS = {
  file: 'kind,id,name,mimeType',
  fileList: 'kind,nextPageToken,incompleteSearch,files(kind,id,name,mimeType)',
  changeList:
    'kind,nextPageToken,newStartPageToken,changes(kind,changeType,time,removed,fileId,file(kind,id,name,mimeType))',
  startPageToken: '*',
  channel: '*',
} as const;

type Mask = Map<string, Mask | null>;

export function project(
  value: Record<string, unknown>,
  schema: Schema,
  fields: string,
): Record<string, unknown> {
  const mask = parseMask(fields);
  validate(mask, schema, '');
  return apply(value, mask) as Record<string, unknown>;
}

function parseMask(fields: string): Mask {
  let position = 0;
  const fail = (): never => {
    throw badRequest(`Invalid field selection ${fields}`, 'fields');
  };
  const parseList = (depth: number): Mask => {
    const mask: Mask = new Map();
    for (;;) {
      const match = /^\s*([A-Za-z_*][A-Za-z0-9_]*)\s*/.exec(fields.slice(position));
      if (!match) return fail();
      position += match[0].length;
      const path = [match[1]!];
      while (fields[position] === '/') {
        const next = /^([A-Za-z_*][A-Za-z0-9_]*)/.exec(fields.slice(position + 1));
        if (!next) return fail();
        path.push(next[1]!);
        position += next[0].length + 1;
      }
      let child: Mask | null = null;
      if (fields[position] === '(') {
        position++;
        child = parseList(depth + 1);
        if (fields[position] !== ')') return fail();
        position++;
      }
      for (let i = path.length - 1; i > 0; i--) child = new Map([[path[i]!, child]]);
      merge(mask, path[0]!, child);
      const separator = fields[position];
      if (separator === ',') {
        position++;
        continue;
      }
      if (separator === ')' && depth > 0) return mask;
      if (separator === undefined && depth === 0) return mask;
      return fail();
    }
  };
  return parseList(0);
}

function merge(mask: Mask, key: string, child: Mask | null): void {
  if (!mask.has(key)) {
    mask.set(key, child);
    return;
  }
  const existing = mask.get(key);
  if (!existing || child === null) {
    mask.set(key, null);
    return;
  }
  for (const [k, v] of child) merge(existing, k, v);
}

function validate(mask: Mask, schema: Schema, prefix: string): void {
  for (const [key, child] of mask) {
    if (key === '*') continue;
    if (!(key in schema)) throw badRequest(`Invalid field selection ${prefix}${key}`, 'fields');
    const sub = schema[key];
    if (child && !sub) throw badRequest(`Invalid field selection ${prefix}${key}`, 'fields');
    if (child && sub) validate(child, sub, `${prefix}${key}/`);
  }
}

function apply(value: unknown, mask: Mask | null): unknown {
  if (mask === null || mask.has('*') || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => apply(item, mask));
  const out: Record<string, unknown> = {};
  for (const [key, child] of mask) {
    const field = (value as Record<string, unknown>)[key];
    if (field !== undefined) out[key] = apply(field, child);
  }
  return out;
}
