/**
 * A small JSON Schema validator for the schemas in schema/. It covers exactly the keywords they use and throws
 * on any other, so a schema cannot outgrow what the tests check.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Schema = { [key: string]: Json };

/** Keywords that only annotate: no effect on validation. */
const ANNOTATIONS = new Set(['$schema', '$id', '$defs', 'title', 'description']);
const ASSERTIONS = new Set(['type', 'properties', 'required', 'additionalProperties', 'items', 'enum', 'const', '$ref', 'minimum', 'maxItems', 'oneOf', 'pattern']);

export function isObject(x: unknown): x is { [key: string]: Json } {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function typeOk(type: string, x: unknown): boolean {
  switch (type) {
    case 'object':
      return isObject(x);
    case 'array':
      return Array.isArray(x);
    case 'string':
      return typeof x === 'string';
    case 'number':
      return typeof x === 'number' && Number.isFinite(x);
    case 'integer':
      return typeof x === 'number' && Number.isInteger(x);
    case 'boolean':
      return typeof x === 'boolean';
    case 'null':
      return x === null;
    default:
      throw new Error(`unsupported type "${type}"`);
  }
}

function equal(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if (Array.isArray(x) && Array.isArray(y)) return x.length === y.length && x.every((v, i) => equal(v, y[i]));
  if (isObject(x) && isObject(y)) {
    const kx = Object.keys(x);
    return kx.length === Object.keys(y).length && kx.every((k) => Object.hasOwn(y, k) && equal(x[k], y[k]));
  }
  return false;
}

/** Resolve a local reference such as `#/$defs/Story`. */
export function resolve(root: Schema, ref: string): Schema {
  if (!ref.startsWith('#/')) throw new Error(`unsupported $ref "${ref}"`);
  let at: Json = root;
  for (const part of ref.slice(2).split('/')) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(at) || !Object.hasOwn(at, key)) throw new Error(`unresolved $ref "${ref}"`);
    at = at[key] as Json;
  }
  if (!isObject(at)) throw new Error(`$ref "${ref}" is not a schema`);
  return at;
}

/** `oneOf`: exactly one branch must match; when none does, the errors of the closest branch follow. */
function oneOf(root: Schema, value: unknown, branches: Json[], where: string, at: string): string[] {
  const results = branches.map((b) => (isObject(b) ? validate(root, value, b, at) : [`${where}: oneOf holds a non-schema`]));
  const matching = results.filter((r) => r.length === 0).length;
  if (matching === 1) return [];
  if (matching > 1) return [`${where}: matches ${matching} schemas of oneOf, not one`];
  const closest = results.reduce((best, r) => (r.length < best.length ? r : best));
  return [`${where}: matches no schema of oneOf`, ...closest];
}

/** Every place where `value` breaks `schema`, as `<JSON pointer>: <problem>`; empty when it is valid. */
export function validate(root: Schema, value: unknown, schema: Schema = root, at = ''): string[] {
  const errors: string[] = [];
  const where = at || '/';
  for (const key of Object.keys(schema)) {
    if (!ANNOTATIONS.has(key) && !ASSERTIONS.has(key)) throw new Error(`unsupported keyword "${key}" at schema for ${where}`);
  }
  if (typeof schema.$ref === 'string') errors.push(...validate(root, value, resolve(root, schema.$ref), at));
  if (Array.isArray(schema.oneOf)) errors.push(...oneOf(root, value, schema.oneOf, where, at));
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((t) => typeOk(String(t), value))) {
      errors.push(`${where}: expected ${types.join(' or ')}, got ${Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value}`);
      return errors;
    }
  }
  if (Object.hasOwn(schema, 'const') && !equal(value, schema.const)) errors.push(`${where}: must be ${JSON.stringify(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.some((e) => equal(value, e))) {
    errors.push(`${where}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  }
  if (typeof schema.minimum === 'number' && typeof value === 'number' && value < schema.minimum) {
    errors.push(`${where}: ${value} is less than the minimum ${schema.minimum}`);
  }
  // ECMA-262 regular expressions, as JSON Schema's `pattern` is: unanchored unless the pattern anchors itself.
  if (typeof schema.pattern === 'string' && typeof value === 'string' && !new RegExp(schema.pattern, 'u').test(value)) {
    errors.push(`${where}: ${JSON.stringify(value)} does not match ${schema.pattern}`);
  }
  if (typeof schema.maxItems === 'number' && Array.isArray(value) && value.length > schema.maxItems) {
    errors.push(`${where}: ${value.length} items, more than the maximum ${schema.maxItems}`);
  }
  if (isObject(value)) {
    const properties = isObject(schema.properties) ? schema.properties : {};
    if (Array.isArray(schema.required)) {
      for (const name of schema.required) if (!Object.hasOwn(value, String(name))) errors.push(`${where}: missing required property "${name}"`);
    }
    for (const [name, v] of Object.entries(value)) {
      const sub = properties[name];
      if (isObject(sub)) errors.push(...validate(root, v, sub, `${at}/${name}`));
      else if (schema.additionalProperties === false) errors.push(`${where}: unexpected property "${name}"`);
      else if (isObject(schema.additionalProperties)) errors.push(...validate(root, v, schema.additionalProperties, `${at}/${name}`));
    }
  }
  if (Array.isArray(value) && isObject(schema.items)) {
    const items = schema.items;
    value.forEach((v, i) => errors.push(...validate(root, v, items, `${at}/${i}`)));
  }
  return errors;
}

/** Every schema object in the file, with its JSON pointer. */
export function schemaNodes(node: Json, at = '#'): { at: string; node: Schema }[] {
  if (!isObject(node)) return [];
  const found = [{ at, node }];
  if (isObject(node.properties)) for (const [k, v] of Object.entries(node.properties)) found.push(...schemaNodes(v, `${at}/properties/${k}`));
  if (isObject(node.$defs)) for (const [k, v] of Object.entries(node.$defs)) found.push(...schemaNodes(v, `${at}/$defs/${k}`));
  if (isObject(node.items)) found.push(...schemaNodes(node.items, `${at}/items`));
  if (Array.isArray(node.oneOf)) node.oneOf.forEach((v, i) => found.push(...schemaNodes(v, `${at}/oneOf/${i}`)));
  return found;
}

/**
 * The house rules a schema of schema/ breaks: every object closed (`additionalProperties: false`), every
 * property described, every required property declared, every `$ref` resolved.
 */
export function styleProblems(root: Schema): string[] {
  const problems: string[] = [];
  for (const { at, node } of schemaNodes(root)) {
    if (node.type === 'object' && node.additionalProperties !== false) problems.push(`${at}: not closed`);
    const properties = isObject(node.properties) ? node.properties : {};
    for (const [name, sub] of Object.entries(properties)) {
      if (!isObject(sub) || typeof sub.description !== 'string' || sub.description === '') problems.push(`${at}/properties/${name}: no description`);
    }
    for (const name of Array.isArray(node.required) ? node.required : []) {
      if (!Object.hasOwn(properties, String(name))) problems.push(`${at}: required "${name}" is not a property`);
    }
    if (typeof node.$ref === 'string') {
      try {
        resolve(root, node.$ref);
      } catch (e) {
        problems.push(`${at}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }
  return problems;
}

/** `node` without its descriptions, titles and ids: what it checks, to compare two schemas' checks. */
export function checksOf(node: Json): Json {
  if (Array.isArray(node)) return node.map(checksOf);
  if (!isObject(node)) return node;
  const out: { [key: string]: Json } = {};
  for (const [k, v] of Object.entries(node)) {
    // `properties` maps names to schemas: keep every name, even one called "description".
    if (k === 'properties' && isObject(v)) out[k] = Object.fromEntries(Object.entries(v).map(([name, s]) => [name, checksOf(s)]));
    else if (!ANNOTATIONS.has(k)) out[k] = checksOf(v);
  }
  return out;
}
