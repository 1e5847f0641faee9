import fc from 'fast-check';

/** The part of JSON Schema (as in an OpenAPI 3.1 document) that the generator reads. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  allOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
}

/** Keys that mean something to JavaScript objects. */
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'];

/** Sets `key` as an own, enumerable property even when it is `__proto__`, so that JSON.stringify sends it. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

const hostileStrings = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\ud800',
    'x\udc00y',
    '\ufeff',
    '\u202e',
    '😀👩‍👩‍👧‍👦',
    'Åäö Ωμέγα 漢字',
    "'; DROP TABLE plans; --",
    '" OR 1=1 --',
    '\\',
    '%00',
    '{{7*7}}',
    '<script>alert(1)</script>',
    '../../etc/passwd',
    '0000-00-00',
    '2027-02-30',
    '2027-13-01',
    '9999-12-31',
    '0001-01-01',
    '-271821-04-20',
    '2027-01-01T00:00:00Z',
    'NaN',
    'Infinity',
    '1e999',
    'null',
    'true',
    '00000000-0000-0000-0000-000000000000',
    ...PROTOTYPE_KEYS,
  ),
  fc.constantFrom(100, 101, 200, 201, 4000, 4001, 10_000, 100_000).map((n) => 'x'.repeat(n)),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);

const hostileNumbers = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    1,
    -1,
    0.5,
    -0.5,
    2 ** 31 - 1,
    2 ** 31,
    -(2 ** 31),
    -(2 ** 31) - 1,
    2 ** 40,
    Number.MAX_SAFE_INTEGER,
    Number.MAX_SAFE_INTEGER + 2,
    -Number.MAX_SAFE_INTEGER - 2,
    1e21,
    1e308,
    -1e308,
    Number.MIN_VALUE,
  ),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** A value of any type that a careless server might choke on. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { maxDepth: 3, depthIdentifier: 'hostile' },
    { weight: 4, arbitrary: hostileStrings },
    { weight: 3, arbitrary: hostileNumbers },
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.constantFrom([], [[]], [[[[[]]]]], {}, [null], [{}]),
    fc.tuple(fc.constantFrom(...PROTOTYPE_KEYS), tie('value')).map(([key, value]) => {
      const o: Record<string, unknown> = {};
      setOwn(o, key, value);
      return o;
    }),
    fc.jsonValue({ maxDepth: 2 }),
  ),
})).value;

export interface SchemaArbitraryOptions {
  /** Resolves a `$ref` such as `#/components/schemas/PlanDocument`. */
  resolve(ref: string): JsonSchema;
  /** How deep objects and arrays go before only leaves are made. */
  maxDepth?: number;
  /** Weight of a right-typed value against one hostile value at every node. */
  rightWeight?: number;
}

/**
 * Values shaped by a JSON Schema: mostly of the right type, near and past every bound, with a hostile value
 * of any type at any node now and then, and now and then an extra property with a prototype's name.
 */
export function schemaArbitrary(schema: JsonSchema, options: SchemaArbitraryOptions): fc.Arbitrary<unknown> {
  const maxDepth = options.maxDepth ?? 4;
  const rightWeight = options.rightWeight ?? 5;

  const node = (s: JsonSchema, depth: number): fc.Arbitrary<unknown> =>
    fc.oneof({ weight: rightWeight, arbitrary: right(s, depth) }, { weight: 1, arbitrary: hostileValue });

  const right = (s: JsonSchema, depth: number): fc.Arbitrary<unknown> => {
    if (s.$ref) return right(options.resolve(s.$ref), depth);
    if (s.allOf?.length)
      return right(Object.assign({}, ...s.allOf.map((part) => (part.$ref ? options.resolve(part.$ref) : part))) as JsonSchema, depth);
    const alternatives = s.anyOf ?? s.oneOf;
    if (alternatives?.length) return fc.oneof(...alternatives.map((alt) => right(alt, depth)));
    if (s.const !== undefined) return fc.constant(s.const);
    if (s.enum?.length) return fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...s.enum) }, fc.constantFrom('', 'ADMIN', 'none'));
    const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : s.properties ? ['object'] : [];
    if (types.length > 1) return fc.oneof(...types.map((type) => right({ ...s, type }, depth)));
    switch (types[0]) {
      case 'string':
        return stringOf(s);
      case 'integer':
      case 'number':
        return numberOf(s, types[0] === 'integer');
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      case 'array':
        return depth >= maxDepth ? fc.constant([]) : fc.array(node(s.items ?? {}, depth + 1), { maxLength: 3 });
      case 'object':
        return depth >= maxDepth ? fc.constant({}) : objectOf(s, depth);
      default:
        return hostileValue;
    }
  };

  const objectOf = (s: JsonSchema, depth: number): fc.Arbitrary<unknown> => {
    const properties = s.properties ?? {};
    const required = (s.required ?? []).filter((key) => key in properties);
    const model = Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, node(value, depth + 1)]));
    const extra = fc.option(fc.tuple(fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), fc.string({ maxLength: 10 })), hostileValue), { freq: 6 });
    return fc.tuple(fc.record(model, { requiredKeys: required }), extra).map(([record, more]) => {
      const o: Record<string, unknown> = { ...record };
      if (more) setOwn(o, more[0], more[1]);
      return o;
    });
  };

  return node(schema, 0);
}

function stringOf(s: JsonSchema): fc.Arbitrary<unknown> {
  if (s.format === 'date') {
    const day = fc.date({ min: new Date('1900-01-01'), max: new Date('2200-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    return fc.oneof({ weight: 4, arbitrary: day }, fc.constantFrom('2028-02-29', '2027-02-29', '0001-01-01', '9999-12-31', '2027-1-1'));
  }
  if (s.format === 'uuid') return fc.oneof({ weight: 3, arbitrary: fc.uuid() }, fc.constant('not-a-uuid'));
  if (s.format === 'email') return fc.oneof({ weight: 3, arbitrary: fc.emailAddress() }, fc.constant('@'));
  const min = s.minLength ?? 0;
  const max = s.maxLength ?? 300;
  const bounds = [min, max, max + 1, Math.max(0, min - 1)].map((n) => 'é'.repeat(n));
  return fc.oneof({ weight: 4, arbitrary: fc.string({ minLength: min, maxLength: Math.min(max, 40) }) }, fc.constantFrom(...bounds));
}

function numberOf(s: JsonSchema, integer: boolean): fc.Arbitrary<unknown> {
  const min = s.minimum ?? s.exclusiveMinimum ?? -1_000_000;
  const max = s.maximum ?? s.exclusiveMaximum ?? 1_000_000;
  const inRange = integer ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) : fc.double({ min, max, noNaN: true });
  return fc.oneof({ weight: 4, arbitrary: inRange }, fc.constantFrom(min, max, min - 1, max + 1, min + 0.5, -0));
}
