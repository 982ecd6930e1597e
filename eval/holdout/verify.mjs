#!/usr/bin/env node
// Checks the holdout set: JSONL parses, required fields, ids unique, evidence verbatim in its article
// (after removing line breaks, U+3000 and HTML tags; pieces joined by ' … ' are checked one by one against
// `file` or `also_file`), every `numbers` entry occurs in the evidence, keywords occur in the answer.
// Usage: node eval/holdout/verify.mjs   (no dependencies)
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const D = dirname(fileURLToPath(import.meta.url));
const TYPES = new Set(['numeric', 'list', 'descriptive', 'temporal', 'comparison', 'open', 'unanswerable']);
const FIELDS = ['id', 'file', 'type', 'question', 'answer', 'numbers', 'keywords', 'evidence'];
const norm = (s) => s.replace(/<[^>]+>/g, '').replace(/[\r\n\u3000]/g, '');
const arts = {};
for (const f of readdirSync(join(D, 'articles'))) arts[f] = norm(readFileSync(join(D, 'articles', f), 'utf8'));

const errors = [];
const ids = new Map();
const types = {};
const perFile = {};
const lines = readFileSync(join(D, 'questions.jsonl'), 'utf8').split('\n');
lines.forEach((line, i) => {
  if (!line.trim()) return;
  let r;
  try { r = JSON.parse(line); } catch (e) { errors.push(`line ${i + 1}: bad JSON ${e.message}`); return; }
  for (const k of FIELDS) if (!(k in r)) errors.push(`${r.id ?? `line ${i + 1}`}: missing ${k}`);
  ids.set(r.id, (ids.get(r.id) ?? 0) + 1);
  types[r.type] = (types[r.type] ?? 0) + 1;
  if (!TYPES.has(r.type)) errors.push(`${r.id}: bad type ${r.type}`);
  if (!(r.file in arts)) { errors.push(`${r.id}: no article ${r.file}`); return; }
  if (r.also_file && !(r.also_file in arts)) errors.push(`${r.id}: no article ${r.also_file}`);
  if (!Array.isArray(r.numbers) || !Array.isArray(r.keywords)) errors.push(`${r.id}: numbers/keywords must be arrays`);
  if (r.type === 'unanswerable') {
    if (!/^ho-u-\d\d$/.test(r.id)) errors.push(`${r.id}: unanswerable id should be ho-u-NN`);
    if (r.numbers.length || r.evidence || r.answer !== '资料中没有') errors.push(`${r.id}: unanswerable must have no numbers/evidence and answer 资料中没有`);
    return;
  }
  if (!/^ho-\d\d-\d+$/.test(r.id)) errors.push(`${r.id}: id should be ho-NN-k`);
  else if (!r.file.startsWith(r.id.slice(3, 5) + '_')) errors.push(`${r.id}: id does not match file ${r.file}`);
  perFile[r.file] = (perFile[r.file] ?? 0) + 1;
  if (r.keywords.length > 3) errors.push(`${r.id}: more than 3 keywords`);
  if (r.type === 'open' && r.keywords.length < 2) errors.push(`${r.id}: open question needs 2-3 keywords`);
  const pool = [arts[r.file], ...(r.also_file ? [arts[r.also_file]] : [])];
  const ev = norm(r.evidence);
  if (!ev.trim()) errors.push(`${r.id}: empty evidence`);
  for (const piece of r.evidence.split(' … ').map((p) => norm(p).trim())) {
    if (!piece || !pool.some((a) => a.includes(piece))) errors.push(`${r.id}: evidence not found: ${piece.slice(0, 40)}`);
  }
  if (r.also_file) {
    const pieces = r.evidence.split(' … ').map((p) => norm(p).trim());
    if (!pieces.some((p) => arts[r.also_file].includes(p)) || !pieces.some((p) => arts[r.file].includes(p)))
      errors.push(`${r.id}: cross-article evidence should quote both articles`);
  }
  for (const n of r.numbers) if (!ev.includes(n)) errors.push(`${r.id}: number ${n} not in evidence`);
  for (const k of r.keywords) if (!r.answer.includes(k)) errors.push(`${r.id}: keyword ${k} not in answer`);
});
for (const [id, c] of ids) if (c > 1) errors.push(`duplicate id ${id}`);
const counts = Object.values(perFile);
console.log('questions:', [...ids.values()].reduce((a, b) => a + b, 0), JSON.stringify(types));
console.log('articles:', Object.keys(arts).length, 'answerable per article:', [...new Set(counts)].join(','));
console.log(errors.length ? errors.join('\n') : 'OK: all checks passed');
process.exit(errors.length ? 1 : 0);
