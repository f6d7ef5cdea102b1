import { badRequest } from './errors.ts';
import type { FakeFile } from './store.ts';

/**
 * A strict parser for the subset of Drive's `q` language the project uses:
 *   'ID' in parents · name = | != | contains 'x' · mimeType = | != | contains 'x' · trashed = | != true|false
 *   modifiedTime / createdTime  = != < <= > >= 'RFC 3339' · and · or · not · ( )
 * Strings are single-quoted with `\'` and `\\` as the only escapes. Anything else is a 400, as in Drive,
 * so a badly escaped query in the adapter fails loudly in tests instead of matching nothing.
 */
export type FilePredicate = (file: FakeFile, resolveId: (id: string) => string) => boolean;

type Token =
  | { kind: 'string'; value: string }
  | { kind: 'word'; value: string }
  | { kind: 'op'; value: string }
  | { kind: 'paren'; value: '(' | ')' };

export function parseQuery(q: string): FilePredicate {
  const tokens = tokenize(q);
  let position = 0;
  const peek = () => tokens[position];
  const fail = (why: string): never => {
    throw badRequest(`Invalid Value: ${why}`, 'q');
  };
  const isWord = (token: Token | undefined, word: string) =>
    token?.kind === 'word' && token.value.toLowerCase() === word;

  const parseOr = (): FilePredicate => {
    let left = parseAnd();
    while (isWord(peek(), 'or')) {
      position++;
      const a = left;
      const b = parseAnd();
      left = (file, resolve) => a(file, resolve) || b(file, resolve);
    }
    return left;
  };
  const parseAnd = (): FilePredicate => {
    let left = parseUnary();
    while (isWord(peek(), 'and')) {
      position++;
      const a = left;
      const b = parseUnary();
      left = (file, resolve) => a(file, resolve) && b(file, resolve);
    }
    return left;
  };
  const parseUnary = (): FilePredicate => {
    const token = peek();
    if (isWord(token, 'not')) {
      position++;
      const inner = parseUnary();
      return (file, resolve) => !inner(file, resolve);
    }
    if (token?.kind === 'paren' && token.value === '(') {
      position++;
      const inner = parseOr();
      const close = tokens[position++];
      if (close?.kind !== 'paren' || close.value !== ')') fail('missing )');
      return inner;
    }
    return parseTerm();
  };
  const parseTerm = (): FilePredicate => {
    const first = tokens[position++];
    if (!first) return fail('unexpected end of query');
    if (first.kind === 'string') {
      if (!isWord(tokens[position], 'in') || tokens[position + 1]?.value !== 'parents') {
        return fail(`expected "in parents" after '${first.value}'`);
      }
      position += 2;
      const parentId = first.value;
      return (file, resolve) => file.parents.includes(resolve(parentId));
    }
    if (first.kind !== 'word') return fail(`unexpected ${first.value}`);
    const operator = tokens[position++];
    const value = tokens[position++];
    if (!operator || !value) return fail('incomplete comparison');
    const op = operator.kind === 'word' ? operator.value.toLowerCase() : operator.value;
    if (operator.kind !== 'op' && op !== 'contains') return fail(`unknown operator ${operator.value}`);
    return comparison(first.value, op, value, fail);
  };

  const predicate = parseOr();
  if (position !== tokens.length) fail(`unexpected ${tokens[position]?.value}`);
  return predicate;
}

function comparison(field: string, op: string, value: Token, fail: (why: string) => never): FilePredicate {
  const equality = (
    actual: (file: FakeFile) => string | boolean,
    expected: string | boolean,
  ): FilePredicate => {
    if (op === '=') return (file) => actual(file) === expected;
    if (op === '!=') return (file) => actual(file) !== expected;
    return fail(`operator ${op} not supported for ${field}`);
  };
  switch (field) {
    case 'name':
    case 'mimeType': {
      if (value.kind !== 'string') return fail(`${field} needs a quoted string`);
      const get = (file: FakeFile) => (field === 'name' ? file.name : file.mimeType);
      if (op === 'contains') {
        // Drive matches name prefixes of words; a substring match is close enough for tests.
        return (file) => get(file).toLowerCase().includes(value.value.toLowerCase());
      }
      return equality(get, value.value);
    }
    case 'trashed': {
      if (value.kind !== 'word' || (value.value !== 'true' && value.value !== 'false')) {
        return fail('trashed needs true or false');
      }
      return equality((file) => file.trashed, value.value === 'true');
    }
    case 'modifiedTime':
    case 'createdTime': {
      if (value.kind !== 'string' || Number.isNaN(Date.parse(value.value)))
        return fail(`${field} needs a date`);
      const expected = Date.parse(value.value);
      const compare: Record<string, (a: number) => boolean> = {
        '=': (a) => a === expected,
        '!=': (a) => a !== expected,
        '<': (a) => a < expected,
        '<=': (a) => a <= expected,
        '>': (a) => a > expected,
        '>=': (a) => a >= expected,
      };
      const test = compare[op];
      if (!test) return fail(`operator ${op} not supported for ${field}`);
      return (file) => test(Date.parse(field === 'modifiedTime' ? file.modifiedTime : file.createdTime));
    }
    default:
      return fail(`unknown field ${field}`);
  }
}

function tokenize(q: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < q.length) {
    const char = q[i]!;
    if (/\s/.test(char)) {
      i++;
    } else if (char === '(' || char === ')') {
      tokens.push({ kind: 'paren', value: char });
      i++;
    } else if (char === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= q.length) throw badRequest('Invalid Value: unterminated string', 'q');
        const c = q[i]!;
        if (c === '\\') {
          const next = q[i + 1];
          if (next !== "'" && next !== '\\') throw badRequest('Invalid Value: bad escape', 'q');
          value += next;
          i += 2;
        } else if (c === "'") {
          i++;
          break;
        } else {
          value += c;
          i++;
        }
      }
      tokens.push({ kind: 'string', value });
    } else {
      const op = /^(!=|<=|>=|=|<|>)/.exec(q.slice(i));
      const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(q.slice(i));
      if (op) {
        tokens.push({ kind: 'op', value: op[0] });
        i += op[0].length;
      } else if (word) {
        tokens.push({ kind: 'word', value: word[0] });
        i += word[0].length;
      } else {
        throw badRequest(`Invalid Value: unexpected character ${char}`, 'q');
      }
    }
  }
  return tokens;
}
