/**
 * A small typed validator for data that crosses a trust boundary (messages to the background, rows read
 * back from IndexedDB). Each schema checks the type, the size (string length, array length, number of
 * keys) and the range of a value and returns a fresh copy holding only the fields it names, so a hostile
 * payload cannot smuggle extra keys, prototypes or getters past it; the static type follows from the
 * schema (`Infer<typeof schema>`).
 *
 * Why not a library: the background needs a dozen shapes with hard size limits and nothing else; zod or
 * valibot would add 10–50 kB to every context that imports the protocol for features unused here, and the
 * size limits are the part that matters. Pure: no DOM, no browser API.
 */

export class ValidationError extends Error {
  constructor(
    /** Where in the value: `data.fileName`, `corpus.docs[3].start`. */
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'ValidationError';
  }
}

/** A schema: returns the checked copy of `value` or throws {@link ValidationError}. */
export type Schema<T> = (value: unknown, path: string) => T;
export type Infer<S> = S extends Schema<infer T> ? T : never;

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** Check `value`; never throws. */
export function parse<T>(schema: Schema<T>, value: unknown, path = 'data'): Result<T> {
  try {
    return { ok: true, value: schema(value, path) };
  } catch (error) {
    if (error instanceof ValidationError) return { ok: false, error: error.message };
    // A getter or proxy trap that throws: refused like any bad value.
    return { ok: false, error: `${path}: unreadable (${error instanceof Error ? error.name : typeof error})` };
  }
}

export function is<T>(schema: Schema<T>, value: unknown): value is T {
  return parse(schema, value).ok;
}

const fail = (path: string, reason: string): never => {
  throw new ValidationError(path, reason);
};

export interface StringLimits {
  min?: number;
  /** Longest accepted, in UTF-16 units (required: every string from outside is bounded). */
  max: number;
  pattern?: RegExp;
}

export function string(limits: StringLimits): Schema<string> {
  const min = limits.min ?? 0;
  return (value, path) => {
    if (typeof value !== 'string') return fail(path, `expected a string, got ${kindOf(value)}`);
    if (value.length > limits.max) return fail(path, `longer than ${limits.max}`);
    if (value.length < min) return fail(path, `shorter than ${min}`);
    if (limits.pattern && !limits.pattern.test(value)) return fail(path, 'does not match the expected form');
    return value;
  };
}

/** A finite number in [min, max]; `integer` refuses fractions. */
export function number(limits: { min: number; max: number; integer?: boolean }): Schema<number> {
  return (value, path) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return fail(path, `expected a finite number, got ${kindOf(value)}`);
    if (limits.integer && !Number.isInteger(value)) return fail(path, 'expected an integer');
    if (value < limits.min || value > limits.max) return fail(path, `outside [${limits.min}, ${limits.max}]`);
    return value;
  };
}

export const boolean: Schema<boolean> = (value, path) => (typeof value === 'boolean' ? value : fail(path, `expected a boolean, got ${kindOf(value)}`));

export function literal<const T extends readonly (string | number | boolean)[]>(...values: T): Schema<T[number]> {
  return (value, path) => (values.includes(value as T[number]) ? (value as T[number]) : fail(path, `expected one of ${values.join(', ')}`));
}

/** No data: a message sent without an argument arrives as undefined (or null after some serialisers). */
export const none: Schema<undefined> = (value, path) => (value === undefined || value === null ? undefined : fail(path, 'expected no data'));

export function nullable<T>(schema: Schema<T>): Schema<T | null> {
  return (value, path) => (value === null ? null : schema(value, path));
}

export function array<T>(item: Schema<T>, limits: { min?: number; max: number }): Schema<T[]> {
  return (value, path) => {
    if (!Array.isArray(value)) return fail(path, `expected an array, got ${kindOf(value)}`);
    if (value.length > limits.max) return fail(path, `more than ${limits.max} items`);
    if (value.length < (limits.min ?? 0)) return fail(path, `fewer than ${limits.min} items`);
    const out: T[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = item(value[i], `${path}[${i}]`);
    return out;
  };
}

export function tuple<const S extends readonly Schema<unknown>[]>(...items: S): Schema<{ -readonly [K in keyof S]: Infer<S[K]> }> {
  return (value, path) => {
    if (!Array.isArray(value) || value.length !== items.length) return fail(path, `expected a tuple of ${items.length}`);
    return items.map((item, i) => item(value[i], `${path}[${i}]`)) as { -readonly [K in keyof S]: Infer<S[K]> };
  };
}

/** Marks an object field that may be absent (or undefined). */
export interface Optional<T> {
  optional: Schema<T>;
}
export function optional<T>(schema: Schema<T>): Optional<T> {
  return { optional: schema };
}

type Shape = Record<string, Schema<unknown> | Optional<unknown>>;
type RequiredKeys<S extends Shape> = { [K in keyof S]: S[K] extends Optional<unknown> ? never : K }[keyof S];
type OptionalKeys<S extends Shape> = Exclude<keyof S, RequiredKeys<S>>;
type FieldType<F> = F extends Optional<infer T> ? T : F extends Schema<infer T> ? T : never;
export type ObjectOf<S extends Shape> = { [K in RequiredKeys<S>]: FieldType<S[K]> } & { [K in OptionalKeys<S>]?: FieldType<S[K]> };

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * An object with exactly these fields (others are dropped, not copied). Only own properties count, so
 * a field inherited from a prototype is missing.
 */
export function object<S extends Shape>(shape: S): Schema<ObjectOf<S>> {
  const fields = Object.entries(shape);
  return (value, path) => {
    if (!isPlainObject(value)) return fail(path, `expected an object, got ${kindOf(value)}`);
    const out: Record<string, unknown> = {};
    for (const [key, field] of fields) {
      const present = Object.prototype.hasOwnProperty.call(value, key) && value[key] !== undefined;
      if ('optional' in field) {
        if (present) out[key] = field.optional(value[key], `${path}.${key}`);
      } else {
        if (!present) return fail(`${path}.${key}`, 'missing');
        out[key] = (field as Schema<unknown>)(value[key], `${path}.${key}`);
      }
    }
    return out as ObjectOf<S>;
  };
}

/** A string-keyed map with at most `maxKeys` entries (built without a prototype-bearing key). */
export function record<T>(key: Schema<string>, item: Schema<T>, limits: { maxKeys: number }): Schema<Record<string, T>> {
  return (value, path) => {
    if (!isPlainObject(value)) return fail(path, `expected an object, got ${kindOf(value)}`);
    const keys = Object.keys(value);
    if (keys.length > limits.maxKeys) return fail(path, `more than ${limits.maxKeys} keys`);
    const out: Record<string, T> = {};
    for (const k of keys) {
      if (k === '__proto__') return fail(path, 'forbidden key __proto__');
      out[key(k, `${path} key`)] = item(value[k], `${path}.${k}`);
    }
    return out;
  };
}

/** A further check on an already typed value (cross-field rules, references between parts). */
export function refine<T>(schema: Schema<T>, check: (value: T) => string | null): Schema<T> {
  return (value, path) => {
    const typed = schema(value, path);
    const problem = check(typed);
    return problem === null ? typed : fail(path, problem);
  };
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
