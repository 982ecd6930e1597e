import { loadConfig } from "../src/config/index.js";
import { createEngine } from "../src/engine/index.js";
const engine = await createEngine(loadConfig());
const p = await engine.tools.searchArticles({ query: process.argv[2] ?? "", zone: process.argv[3] || undefined, k: 5 });
for (const x of p) console.log(x.score.toFixed(3), x.source, x.zones.join("/"), x.text.slice(0, 70));
