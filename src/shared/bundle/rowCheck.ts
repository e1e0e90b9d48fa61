import type { z } from 'zod';

/**
 * A fast first look at the rows of big NDJSON entries (a lead reads a million of them per
 * consolidation). Compiled once per zod schema into plain closures: no code generation, which the
 * app's Content Security Policy forbids (and which is why zod's own JIT is off in the window).
 *
 * It answers true only where zod would accept the value AND hand it back unchanged (no default
 * filled in, no trimming, no stripped key). Anything else answers false, and the caller asks zod,
 * whose verdict and error message count. So it can only save time, never let more through.
 * Schemas with a part it does not know (refinements, transforms, unions, …) get no fast check.
 */
export type RowCheck = (value: unknown) => boolean;

type Def = {
  type: string;
  checks?: Array<{ _zod: { def: CheckDef } }>;
  format?: string;
  pattern?: RegExp;
  coerce?: boolean;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  innerType?: z.ZodType;
  element?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  entries?: Record<string, string | number>;
  values?: unknown[];
};
type CheckDef = {
  check: string;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
  tx?: (v: unknown) => unknown;
};

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** String formats zod checks with their pattern alone (no parsing beyond it). */
const PATTERN_FORMATS = new Set(['uuid', 'guid', 'date', 'datetime', 'time', 'email', 'regex']);

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function lengthChecks(checks: CheckDef[]): ((n: number) => boolean) | null {
  const tests: Array<(n: number) => boolean> = [];
  for (const c of checks) {
    if (c.check === 'min_length' && typeof c.minimum === 'number') tests.push((n) => n >= c.minimum!);
    else if (c.check === 'max_length' && typeof c.maximum === 'number') tests.push((n) => n <= c.maximum!);
    else return null;
  }
  return (n) => tests.every((t) => t(n));
}

function stringCheck(def: Def): RowCheck | null {
  if (def.coerce) return null;
  const tests: Array<(s: string) => boolean> = [];
  if (def.format !== undefined) {
    if (!PATTERN_FORMATS.has(def.format) || !(def.pattern instanceof RegExp)) return null;
    const pattern = def.pattern;
    tests.push((s) => ((pattern.lastIndex = 0), pattern.test(s)));
  }
  for (const { _zod } of def.checks ?? []) {
    const c = _zod.def;
    if (c.check === 'min_length' && typeof c.minimum === 'number') tests.push((s) => s.length >= c.minimum!);
    else if (c.check === 'max_length' && typeof c.maximum === 'number') tests.push((s) => s.length <= c.maximum!);
    else if (c.check === 'string_format' && c.format !== undefined && PATTERN_FORMATS.has(c.format) && c.pattern instanceof RegExp) {
      const pattern = c.pattern;
      tests.push((s) => ((pattern.lastIndex = 0), pattern.test(s)));
    }
    // trim(), toLowerCase(): fine only where they change nothing.
    else if (c.check === 'overwrite' && typeof c.tx === 'function') tests.push((s) => c.tx!(s) === s);
    else return null;
  }
  // The tests are pure, so the last string that passed passes again: rows of one bundle repeat
  // values (the organisation id on every row, a match id on its sessions), and regexes cost.
  let last: string | undefined;
  return (v) => {
    if (v === last) return true;
    if (typeof v !== 'string' || !tests.every((t) => t(v))) return false;
    last = v;
    return true;
  };
}

function numberCheck(def: Def): RowCheck | null {
  if (def.coerce) return null;
  const tests: Array<(n: number) => boolean> = [];
  for (const { _zod } of def.checks ?? []) {
    const c = _zod.def;
    if (c.check === 'number_format' && c.format === 'safeint') tests.push((n) => Number.isSafeInteger(n));
    else if (c.check === 'greater_than' && typeof c.value === 'number') tests.push(c.inclusive ? (n) => n >= c.value! : (n) => n > c.value!);
    else if (c.check === 'less_than' && typeof c.value === 'number') tests.push(c.inclusive ? (n) => n <= c.value! : (n) => n < c.value!);
    else return null;
  }
  return (v) => typeof v === 'number' && Number.isFinite(v) && tests.every((t) => t(v));
}

function objectCheck(def: Def): RowCheck | null {
  if (def.checks?.length || !def.shape) return null;
  const catchall = def.catchall ? defOf(def.catchall).type : 'strip';
  // Unknown keys: refused (strict) or dropped (plain object) by zod: either way not "unchanged".
  if (catchall !== 'never' && catchall !== 'strip' && catchall !== 'unknown') return null;
  const fields: Array<[string, RowCheck]> = [];
  for (const [key, schema] of Object.entries(def.shape)) {
    const check = compile(schema);
    if (!check) return null;
    fields.push([key, check]);
  }
  const known = new Set(fields.map(([k]) => k));
  const extraAllowed = catchall === 'unknown';
  return (v) => {
    if (!isPlainObject(v)) return false;
    for (const [key, check] of fields) if (!check(v[key])) return false;
    if (!extraAllowed) for (const key of Object.keys(v)) if (!known.has(key)) return false;
    return true;
  };
}

function compile(schema: z.ZodType): RowCheck | null {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return stringCheck(def);
    case 'number':
      return numberCheck(def);
    case 'boolean':
      return def.checks?.length || def.coerce ? null : (v) => typeof v === 'boolean';
    case 'enum': {
      if (def.checks?.length || !def.entries) return null;
      const values = new Set<unknown>(Object.values(def.entries));
      return (v) => values.has(v);
    }
    case 'literal': {
      if (def.checks?.length || !def.values) return null;
      const values = new Set<unknown>(def.values);
      return (v) => values.has(v);
    }
    case 'optional': {
      const inner = def.innerType && !def.checks?.length ? compile(def.innerType) : null;
      return inner && ((v) => v === undefined || inner(v));
    }
    case 'nullable': {
      const inner = def.innerType && !def.checks?.length ? compile(def.innerType) : null;
      return inner && ((v) => v === null || inner(v));
    }
    case 'default': {
      // A missing value would be filled in: not "unchanged".
      const inner = def.innerType && !def.checks?.length ? compile(def.innerType) : null;
      return inner && ((v) => v !== undefined && inner(v));
    }
    case 'array': {
      const element = def.element ? compile(def.element) : null;
      const length = lengthChecks((def.checks ?? []).map((c) => c._zod.def));
      return element && length && ((v) => Array.isArray(v) && length(v.length) && v.every(element));
    }
    case 'record': {
      const key = def.keyType ? defOf(def.keyType) : undefined;
      const value = def.valueType ? compile(def.valueType) : null;
      // Plain string keys only (enum keys would make the record exhaustive).
      if (def.checks?.length || !key || key.type !== 'string' || key.checks?.length || key.format !== undefined || !value) return null;
      return (v) => isPlainObject(v) && Object.values(v).every(value);
    }
    case 'object':
      return objectCheck(def);
    default:
      return null;
  }
}

const compiled = new WeakMap<z.ZodType, RowCheck | null>();

/** The fast check of `schema`, or null where zod must look at every row. */
export function rowCheckFor(schema: z.ZodType): RowCheck | null {
  if (!compiled.has(schema)) compiled.set(schema, compile(schema));
  return compiled.get(schema)!;
}
