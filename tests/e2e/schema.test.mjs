// The published file format (docs/waymark.schema.json) without a browser: the sample workspace and
// the kept v1 file are valid, the schema lists every type the app writes and its objects exactly the
// fields it writes, and broken documents — a wrong enumeration word, a bad id, an extra or missing
// field, a bad date or colour — are rejected at the right place.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { schema, schemaProblem } from './schema.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const read = (path) => readFileSync(join(ROOT, path), 'utf8');
const sample = () => JSON.parse(read('assets/sample.waymark.json'));

test('the sample workspace and the v1 file are valid', () => {
  assert.equal(schemaProblem(read('assets/sample.waymark.json')), null);
  assert.equal(schemaProblem(read('tests/data/v1-sample.waymark.json')), null);
});

test('the schema lists every type the app writes, and the sample holds an object of each', () => {
  const doc = sample();
  assert.deepEqual(Object.keys(schema.properties.types.properties), Object.keys(doc.types));
  // Every object definition requires all of its properties and allows no others, so a valid sample
  // that holds one of each type pins the field lists to what the app writes.
  const seen = new Set();
  const visit = (value, def) => {
    const d = schema.$defs[def];
    if (!d || d.type !== 'object') return;
    seen.add(def);
    assert.deepEqual(d.required, Object.keys(d.properties), `${def}: every field required`);
    assert.equal(d.additionalProperties, false, `${def}: no other fields`);
    for (const [key, sub] of Object.entries(d.properties)) {
      const target = sub.$ref ?? sub.items?.$ref;
      if (!target) continue;
      const name = target.replace('#/$defs/', '');
      for (const item of Array.isArray(value[key]) ? value[key] : [value[key]]) visit(item, name);
    }
  };
  visit(doc.workspace, 'workspace');
  const objects = Object.keys(schema.$defs).filter((k) => schema.$defs[k].type === 'object');
  assert.deepEqual([...seen].sort(), objects.sort(), 'the sample exercises every object definition');
  assert.deepEqual(objects.sort(), Object.keys(doc.types).sort(), 'one definition per serialized type');
});

test('broken documents are rejected where they are broken', () => {
  const cases = [
    ['a wrong enumeration word', (w) => { w.journeys[1].state = 'future'; },
      /^\/workspace\/journeys\/1\/state: must be equal to one of the allowed values \(current, to-be\)$/],
    ['an id that is not a UUID', (w) => { w.personas[0].id = 'anna'; }, /^\/workspace\/personas\/0\/id: must match pattern/],
    ['an upper-case UUID', (w) => { w.journeys[0].id = w.journeys[0].id.toUpperCase(); }, /^\/workspace\/journeys\/0\/id: must match pattern/],
    ['null for a required reference', (w) => { w.journeys[1].cards[0].lane = null; }, /^\/workspace\/journeys\/1\/cards\/0\/lane: must be string$/],
    ['an extra field', (w) => { w.journeys[1].colour = '#ff0000'; },
      /^\/workspace\/journeys\/1: must NOT have additional properties "colour"$/],
    ['a missing field', (w) => { delete w.insights[0].impact; }, /^\/workspace\/insights\/0: must have required property 'impact'$/],
    ['a date that is not YYYY-MM-DD', (w) => { w.metrics[0].values[0].date = '01/11/2025'; }, /^\/workspace\/metrics\/0\/values\/0\/date: must match pattern/],
    ['month 13', (w) => { w.scans[0].date = '2026-13-01'; }, /^\/workspace\/scans\/0\/date: must match pattern/],
    ['a colour that is not #rrggbb', (w) => { w.personas[0].color = '#abc'; }, /^\/workspace\/personas\/0\/color: must match pattern/],
    ['a severity out of range', (w) => { w.journeys[1].cards[0].severity = 6; }, /^\/workspace\/journeys\/1\/cards\/0\/severity: must be <= 5$/],
    ['a text where a number belongs', (w) => { w.insights[0].impact = '+1'; }, /^\/workspace\/insights\/0\/impact: must be integer$/],
    ['no level names', (w) => { w.settings.level_names = []; }, /^\/workspace\/settings\/level_names: must NOT have fewer than 1 items$/],
  ];
  for (const [what, change, expected] of cases) {
    const doc = sample();
    change(doc.workspace);
    assert.match(String(schemaProblem(doc)), expected, what);
  }
  const header = [
    [(d) => { d.version = 2; }, /^\/version: must be equal to constant$/],
    [(d) => { d.format = 'other'; }, /^\/format: must be equal to constant$/],
    [(d) => { d.types.gadget = 1; }, /^\/types: must NOT have additional properties "gadget"$/],
    [(d) => { d.types.card = 2; }, /^\/types\/card: must be <= 1$/],
    [(d) => { delete d.types.workspace; }, /^\/types: must have required property 'workspace'$/],
    [(d) => { delete d.workspace; }, /^\(the root\): must have required property 'workspace'$/],
  ];
  for (const [change, expected] of header) {
    const doc = sample();
    change(doc);
    assert.match(String(schemaProblem(doc)), expected);
  }
  // What the reader accepts is accepted: optional references null, unknown root fields ignored.
  const doc = sample();
  doc.workspace.journeys[1].counterpart = null;
  doc.workspace.insights[0].last_validated = null;
  doc.workspace.metrics[0].target = null;
  doc.note = 'readers ignore other fields at the root';
  assert.equal(schemaProblem(doc), null);
});
