import { readFileSync } from "node:fs";
import { loadConfig } from "../src/config/index.js";
import { openCorpus } from "../src/corpus/open.js";
const [dataDir, qfile, evalOut] = process.argv.slice(2);
const config = loadConfig(process.env, { dataDir });
const corpus = await openCorpus(config);
const failed = new Set([...readFileSync(evalOut, "utf8").matchAll(/^✗ (\S+)/gm)].map((m) => m[1]));
const qs = readFileSync(qfile, "utf8").trim().split("\n").map((l) => JSON.parse(l));
const metas = new Map(readFileSync(qfile.replace("questions.jsonl", "questions.meta.jsonl"), "utf8").trim().split("\n").map((l) => { const m = JSON.parse(l); return [m.id, m]; }));
for (const q of qs) {
  if (!failed.has(q.id) || q.type === "unanswerable") continue;
  const meta = metas.get(q.id);
  const art = [...corpus.articles.values()].find((a) => a.source === q.source);
  const facts = art ? corpus.store.facts({ articleIds: [art.id] }) : [];
  const asked = meta.asked[0];
  const hits = facts.filter((f) => q.numbers.some((n: string) => f.raw.includes(n.replace(/^约/, ""))));
  const desc = hits.map((f) => `${f.zone}/${f.year}/${f.kind}/${f.period}/${f.metric}=${f.raw}`).join(" | ");
  console.log(`${q.id} [${q.type}] asked ${asked.zone}/${asked.year}/${asked.kind}/${asked.period}/${asked.metric}\n   Q: ${q.question}\n   facts: ${desc || "NONE"}\n   ev: ${q.evidence}`);
}
corpus.close();
