/**
 * The regular-expression literals of a TypeScript source file, found by a small lexer (no AST: the project's
 * TypeScript has no JavaScript API). It skips comments, strings and template text, and reads `/` as the start of
 * a regex where an expression may start: after an operator or punctuation, or a keyword such as `return`.
 */
export interface RegexLiteral {
  source: string;
  flags: string;
  line: number;
}

const KEYWORDS_BEFORE_EXPRESSION = new Set([
  'return',
  'typeof',
  'instanceof',
  'in',
  'of',
  'new',
  'delete',
  'void',
  'throw',
  'case',
  'do',
  'else',
  'yield',
  'await',
]);

export function regexLiterals(code: string): RegexLiteral[] {
  const found: RegexLiteral[] = [];
  // What came last: 'value' (an identifier, number, `)` or `]`: a `/` divides) or 'operator' (a regex may start).
  let last: 'value' | 'operator' = 'operator';
  // Open template literals: the brace depth at which each `${` started.
  const templates: number[] = [];
  let depth = 0;
  let i = 0;
  const lineAt = (index: number) => code.slice(0, index).split('\n').length;

  const skipTemplateText = () => {
    // From inside a template's text to its end (`) or to a `${`.
    while (i < code.length) {
      const c = code[i]!;
      if (c === '\\') i += 2;
      else if (c === '`') {
        i++;
        last = 'value';
        return;
      } else if (c === '$' && code[i + 1] === '{') {
        i += 2;
        templates.push(depth);
        depth++;
        last = 'operator';
        return;
      } else i++;
    }
  };

  while (i < code.length) {
    const c = code[i]!;
    const next = code[i + 1];
    if (c === '/' && next === '/') {
      i = code.indexOf('\n', i);
      if (i < 0) break;
    } else if (c === '/' && next === '*') {
      i = code.indexOf('*/', i + 2) + 2;
      if (i < 2) break;
    } else if (c === "'" || c === '"') {
      i++;
      while (i < code.length && code[i] !== c) i += code[i] === '\\' ? 2 : 1;
      i++;
      last = 'value';
    } else if (c === '`') {
      i++;
      skipTemplateText();
    } else if (c === '/' && last === 'operator') {
      const start = i;
      i++;
      let inClass = false;
      while (i < code.length) {
        const d = code[i]!;
        if (d === '\\') i += 2;
        else if (d === '[') {
          inClass = true;
          i++;
        } else if (d === ']') {
          inClass = false;
          i++;
        } else if (d === '/' && !inClass) break;
        else if (d === '\n') throw new Error(`unterminated regex literal at line ${lineAt(start)}`);
        else i++;
      }
      const source = code.slice(start + 1, i);
      i++;
      const flagsStart = i;
      while (i < code.length && /[a-z]/.test(code[i]!)) i++;
      found.push({ source, flags: code.slice(flagsStart, i), line: lineAt(start) });
      last = 'value';
    } else if (/[A-Za-z_$]/.test(c)) {
      const start = i;
      while (i < code.length && /[\w$]/.test(code[i]!)) i++;
      last = KEYWORDS_BEFORE_EXPRESSION.has(code.slice(start, i)) ? 'operator' : 'value';
    } else if (/[0-9]/.test(c)) {
      while (i < code.length && /[\w.]/.test(code[i]!)) i++;
      last = 'value';
    } else if (c === ')' || c === ']') {
      i++;
      last = 'value';
    } else if (c === '{') {
      depth++;
      i++;
      last = 'operator';
    } else if (c === '}') {
      depth--;
      i++;
      if (templates.length > 0 && templates.at(-1) === depth) {
        templates.pop();
        skipTemplateText();
      } else last = 'operator';
    } else if (/\s/.test(c)) {
      i++;
    } else {
      // `x++ / 2` and `x! / 2` are too rare here to handle; any other punctuation lets an expression start.
      i++;
      last = 'operator';
    }
  }
  return found;
}
