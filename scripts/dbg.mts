import { loadConfig } from "/work/main/src/config/index.js";
import { createEngine } from "/work/main/src/engine/index.js";
import { SentenceBank } from "/work/main/src/brain/sentences.js";
const engine = await createEngine(loadConfig());
for (const a of engine.corpus.articles.values()) console.log(a.id, a.date, a.zones.slice(0,4).join("/"), "|", a.title, "|", a.text.length);
const bank = new SentenceBank(engine.corpus.articles.values(), engine.corpus.gazetteer);
for (const s of bank.sentences) if (/覆盖率达到85|链主企业—产业链|国家高新技术企业达到700|5G基站|公共服务中心|“融”就是|功能区擂台|项目库/.test(s.text)) console.log(s.articleId, s.paragraph, s.zones, s.years, s.text.slice(0,80));
const a = engine.corpus.articles.get("002_4973a8be1e9bc1fe.txt#0")!;
console.log(a.text.split("\n").slice(33, 35).join("\n---\n"));
