// The published file format, docs/waymark.schema.json (JSON Schema draft 2020-12), checked with ajv.
// Used by schema.test.mjs and by lib.mjs, which checks every workspace the app exports in a browser
// test (see launch()).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020Module from 'ajv/dist/2020.js';

const Ajv2020 = Ajv2020Module.default ?? Ajv2020Module;   // ajv is CommonJS
export const SCHEMA_PATH = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'waymark.schema.json');
export const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8'));

// strict: a keyword ajv does not know, or a schema that contradicts itself, fails at compile time.
let compiled;
function validator() {
  compiled ??= new Ajv2020({ strict: true, allErrors: false }).compile(schema);
  return compiled;
}

// The first schema error of a parsed document or a JSON text, as "where: what", or null when valid.
export function schemaProblem(docOrText) {
  let doc = docOrText;
  if (typeof docOrText === 'string') {
    try { doc = JSON.parse(docOrText); } catch (e) { return `not JSON: ${e.message}`; }
  }
  const validate = validator();
  if (validate(doc)) return null;
  const e = validate.errors[0];
  const where = e.instancePath || '(the root)';
  const detail = e.params.additionalProperty ? ` "${e.params.additionalProperty}"`
    : e.params.allowedValues ? ` (${e.params.allowedValues.join(', ')})` : '';
  return `${where}: ${e.message}${detail}`;
}
