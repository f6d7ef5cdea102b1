/**
 * Check digits computed here, independently of src/, from the authorities' published rules, to build valid
 * ids for the tests (none is copied from a real document).
 */
const mod11 = (sum: number) => (sum % 11 < 2 ? 0 : 11 - (sum % 11));
const weigh = (s: string, w: number[]) => [...s].reduce((t, c, i) => t + (c.charCodeAt(0) - 48) * w[i]!, 0);

export function withCnpjDigits(base12: string): string {
  const first = mod11(weigh(base12, [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]));
  const second = mod11(weigh(base12 + first, [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]));
  return `${base12}${first}${second}`;
}

export function withCpfDigits(base9: string): string {
  const first = mod11(weigh(base9, [10, 9, 8, 7, 6, 5, 4, 3, 2]));
  const second = mod11(weigh(base9 + first, [11, 10, 9, 8, 7, 6, 5, 4, 3, 2]));
  return `${base9}${first}${second}`;
}

export function withAccessKeyDigit(first43: string): string {
  let sum = 0;
  let weight = 2;
  for (let i = first43.length - 1; i >= 0; i--) {
    sum += Number(first43[i]) * weight;
    weight = weight === 9 ? 2 : weight + 1;
  }
  return `${first43}${mod11(sum)}`;
}

export function withRucDigit(base10: string): string {
  const check = 11 - (weigh(base10, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) % 11);
  return `${base10}${check === 10 ? 0 : check === 11 ? 1 : check}`;
}

export function rutWithCheck(body: string): string {
  let sum = 0;
  let weight = 2;
  for (let i = body.length - 1; i >= 0; i--) {
    sum += Number(body[i]) * weight;
    weight = weight === 7 ? 2 : weight + 1;
  }
  const check = 11 - (sum % 11);
  return `${body}-${check === 11 ? '0' : check === 10 ? 'K' : check}`;
}

export function dniWithLetter(digits8: string): string {
  return `${digits8}${'TRWAGMYFPDXBNJZSQVHLCKE'[Number(digits8) % 23]}`;
}

/** An entity NIF (CIF) with its control as a digit (A, B…) or letter (P, Q, S…). */
export function cifWithControl(letter: string, digits7: string): string {
  let sum = 0;
  for (let i = 0; i < 7; i++) {
    const d = Number(digits7[i]);
    sum += i % 2 === 0 ? [...String(2 * d)].reduce((t, c) => t + Number(c), 0) : d;
  }
  const control = (10 - (sum % 10)) % 10;
  return `${letter}${digits7}${'PQSNW'.includes(letter) ? 'JABCDEFGHI'[control] : control}`;
}

export function withLuhnDigit(base: string): string {
  for (let d = 0; d < 10; d++) {
    const candidate = base + d;
    let sum = 0;
    [...candidate].reverse().forEach((c, i) => {
      const v = Number(c) * (i % 2 === 1 ? 2 : 1);
      sum += v > 9 ? v - 9 : v;
    });
    if (sum % 10 === 0) return candidate;
  }
  throw new Error('unreachable');
}

export function germanVat(base8: string): string {
  let product = 10;
  for (const c of base8) {
    const sum = (Number(c) + product) % 10 || 10;
    product = (2 * sum) % 11;
  }
  return `DE${base8}${(11 - product) % 10}`;
}

export function frenchVat(siren: string): string {
  return `FR${String((12 + 3 * (Number(siren) % 97)) % 97).padStart(2, '0')}${siren}`;
}

export function belgianVat(base8: string): string {
  return `BE${base8}${String(97 - (Number(base8) % 97)).padStart(2, '0')}`;
}

/** SAT's RFC check character for 11 (person: 12) characters. */
export function rfcWithCheck(head: string): string {
  const chars = '0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ';
  const padded = head.length === 11 ? ` ${head}` : head;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += chars.indexOf(padded[i]!) * (13 - i);
  const check = 11 - (sum % 11);
  return `${head}${check === 11 ? '0' : check === 10 ? 'A' : check}`;
}

/** A different last character: the same id with its check broken. */
export function broken(id: string): string {
  const last = id.at(-1)!;
  return id.slice(0, -1) + (last === '1' ? '2' : '1');
}
