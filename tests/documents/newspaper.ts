// Newspaper-like fixtures: pages with a header band (paper name, date, 第X版), headlines spanning their
// columns, bodies in CSS columns, two or three articles per page, an article continued on a later page
// through （下转第X版）/（上接第X版）, and a footer band. The same description gives the HTML that
// Chromium prints and the paragraphs a reader must give back, in order.

export interface PaperArticle {
  /** 引题: a smaller line above the headline. */
  kicker?: string;
  title: string;
  subtitle?: string;
  byline?: string;
  paragraphs: string[];
}

/** Where (part of) an article sits on a page. */
export interface Placement {
  article: PaperArticle;
  columns: number;
  /** Paragraph range of this part; the whole article when absent. */
  from?: number;
  to?: number;
  /** The part's paragraph `to` is cut in the middle (a sentence boundary) and continues on the next part. */
  cutInside?: boolean;
  /** Edition this part continues on / from (drawn as （下转第X版） / （上接第X版）). */
  continuedTo?: number;
  continuedFrom?: number;
  /** Headline centred over the piece (wrapped lines each start off the column's edge). */
  centered?: boolean;
}

export interface PaperPage {
  edition: number;
  section: string;
  /** Rows top to bottom; the placements in a row stand side by side. */
  rows: Placement[][];
}

export interface Paper {
  name: string;
  /** e.g. 2024年3月5日 星期二 */
  dateLine: string;
  pages: PaperPage[];
}

const NUMERALS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
export const chineseEdition = (n: number): string =>
  n <= 10 ? NUMERALS[n]! : n < 20 ? `十${n % 10 ? NUMERALS[n % 10] : ""}` : `${NUMERALS[Math.floor(n / 10)]}十${n % 10 ? NUMERALS[n % 10] : ""}`;

const escapeHtml = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Splits a paragraph at the sentence end nearest its middle. */
export function cutParagraph(paragraph: string): [string, string] {
  const middle = paragraph.length / 2;
  let best = -1;
  for (let i = 0; i < paragraph.length - 1; i++) {
    if (paragraph[i] === "。" && (best < 0 || Math.abs(i - middle) < Math.abs(best - middle))) best = i;
  }
  if (best < 0) throw new Error(`cannot cut: ${paragraph}`);
  return [paragraph.slice(0, best + 1), paragraph.slice(best + 1)];
}

const STYLE = `
@page { size: A4; margin: 0 }
html, body { margin: 0; padding: 0 }
body { font-family: "WenQuanYi Zen Hei", sans-serif; color: #111 }
.page.scan { padding: 0 }
.page.scan img { width: 210mm; height: 297mm; display: block }
.page { width: 210mm; height: 297mm; box-sizing: border-box; padding: 12mm 12mm 10mm; overflow: hidden; position: relative; page-break-after: always; break-after: page }
.header { display: flex; justify-content: space-between; align-items: baseline; border-bottom: 2px solid #a00; padding-bottom: 2mm; margin-bottom: 5mm; font-size: 11px }
.header .name { font-size: 22px; color: #a00; letter-spacing: 2px }
.footer { position: absolute; left: 12mm; right: 12mm; bottom: 8mm; border-top: 1px solid #888; padding-top: 1mm; font-size: 9px; display: flex; justify-content: space-between }
.row { display: flex; gap: 7mm; margin-bottom: 7mm }
.piece { flex: 1 1 0; min-width: 0 }
.piece h1 { font-size: 24px; line-height: 1.3; margin: 0 0 2mm; font-weight: bold }
.piece h3 { font-size: 15px; line-height: 1.3; margin: 0 0 1mm; font-weight: normal }
.piece h2 { font-size: 15px; line-height: 1.3; margin: 0 0 2mm; font-weight: normal }
.piece .byline { font-size: 11px; margin: 0 0 2mm }
.piece .body { column-gap: 6mm; font-size: 12px; line-height: 1.6; text-align: justify }
.piece .body p { margin: 0; text-indent: 2em }
.piece .body p.cont { text-indent: 0 }
.piece .body .marker { text-align: right; text-indent: 0 }
`;

function pieceParagraphs(p: Placement): { text: string; cont: boolean }[] {
  const all = p.article.paragraphs;
  const from = p.from ?? 0;
  const to = p.to ?? all.length;
  const out: { text: string; cont: boolean }[] = [];
  for (let i = from; i < to; i++) out.push({ text: all[i]!, cont: false });
  // A paragraph cut across pages: the first part ends this piece, the rest opens the next one unindented.
  if (p.cutInside) out.push({ text: cutParagraph(all[to]!)[0], cont: false });
  return out;
}

function pieceHtml(p: Placement, previous: Placement | undefined): string {
  const { article } = p;
  const paragraphs = pieceParagraphs(p);
  if (previous?.cutInside) {
    const rest = cutParagraph(article.paragraphs[previous.to!]!)[1];
    paragraphs.unshift({ text: rest, cont: true });
  }
  const parts: string[] = [];
  if (article.kicker && p.continuedFrom === undefined) parts.push(`<h3>${escapeHtml(article.kicker)}</h3>`);
  parts.push(`<h1${p.centered ? ' style="text-align:center"' : ""}>${escapeHtml(article.title)}</h1>`);
  if (p.continuedFrom === undefined) {
    if (article.subtitle) parts.push(`<h2>${escapeHtml(article.subtitle)}</h2>`);
    if (article.byline) parts.push(`<div class="byline">${escapeHtml(article.byline)}</div>`);
  }
  const body = paragraphs.map((para, i) => {
    const from = i === 0 && p.continuedFrom !== undefined ? `（上接第${chineseEdition(p.continuedFrom)}版）` : "";
    return `<p${para.cont ? ' class="cont"' : ""}>${escapeHtml(from + para.text)}</p>`;
  });
  if (p.continuedTo !== undefined) body.push(`<p class="marker">（下转第${chineseEdition(p.continuedTo)}版）</p>`);
  parts.push(`<div class="body" style="column-count:${p.columns}">${body.join("")}</div>`);
  return `<div class="piece">${parts.join("")}</div>`;
}

/** The paper's pages, then `extraPages` (raw HTML of further .page elements, e.g. a scanned page). */
export function paperHtml(paper: Paper, extraPages = ""): string {
  const previousPart = new Map<PaperArticle, Placement>();
  const pages = paper.pages.map((page) => {
    const rows = page.rows.map((row) => `<div class="row">${row.map((p) => {
      const html = pieceHtml(p, previousPart.get(p.article));
      previousPart.set(p.article, p);
      return html;
    }).join("")}</div>`).join("");
    return `<div class="page"><div class="header"><span class="name">${paper.name}</span><span>${paper.dateLine}</span>`
      + `<span>第${page.edition}版 ${page.section}</span></div>${rows}`
      + `<div class="footer"><span>${paper.name}社出版 热线电话：0532-88888888</span><span>${page.edition}</span></div></div>`;
  }).join("");
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>${STYLE}</style></head><body>${pages}${extraPages}</body></html>`;
}

/** The articles in order of first appearance: what a reader must give back. */
export function paperArticles(paper: Paper): PaperArticle[] {
  const seen: PaperArticle[] = [];
  for (const page of paper.pages) for (const row of page.rows) for (const p of row) {
    if (!seen.includes(p.article)) seen.push(p.article);
  }
  return seen;
}

// ---- text: paragraphs written from a few sentence shapes, every one different ----

const ZONES = ["青岛西海岸新区", "青岛高新区", "胶州湾开发区", "青岛自贸片区", "即墨经济开发区", "平度经济开发区", "莱西经济开发区", "青岛空港综合保税区"];
const INDUSTRIES = ["集成电路", "新能源汽车", "海洋装备", "生物医药", "智能家电", "现代物流", "航空航天", "新材料"];
const ACTIONS = ["集中开工", "签约落地", "竣工投产", "完成备案", "进入试运行"];

export function makeRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13; state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5; state >>>= 0;
    return state / 4294967296;
  };
}

const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;

export function makeParagraph(rnd: () => number, serial: number): string {
  const zone = pick(rnd, ZONES);
  const industry = pick(rnd, INDUSTRIES);
  const sentences = [
    `${zone}第${serial}批${industry}项目${pick(rnd, ACTIONS)}，总投资${(10 + rnd() * 190).toFixed(1)}亿元。`,
    `今年1至${2 + Math.floor(rnd() * 9)}月，${zone}规模以上工业增加值同比增长${(1 + rnd() * 14).toFixed(1)}%，高于全市平均水平。`,
    `围绕${industry}产业链，区里梳理出重点企业${10 + Math.floor(rnd() * 80)}家，逐一对接用地、用能和融资需求。`,
    `据介绍，项目全部建成后预计年产值可达${(20 + rnd() * 300).toFixed(0)}亿元，带动就业${(1 + rnd() * 9).toFixed(0)}千人。`,
    `下一步，${zone}将继续优化营商环境，推动更多${industry}项目早开工、早投产、早见效。`,
  ];
  const count = 2 + Math.floor(rnd() * 3);
  const start = Math.floor(rnd() * sentences.length);
  const chosen: string[] = [];
  for (let i = 0; i < count; i++) chosen.push(sentences[(start + i) % sentences.length]!);
  return `（${serial}）${chosen.join("")}`;
}

export function makeArticle(rnd: () => number, serial: number, paragraphCount: number, opts: { dateline?: string } = {}): PaperArticle {
  const zone = pick(rnd, ZONES);
  const industry = pick(rnd, INDUSTRIES);
  const paragraphs: string[] = [];
  for (let i = 0; i < paragraphCount; i++) paragraphs.push(makeParagraph(rnd, serial * 100 + i + 1));
  if (opts.dateline) paragraphs[0] = `${opts.dateline}${paragraphs[0]}`;
  return {
    title: `${zone}${industry}产业跑出加速度（${serial}）`,
    subtitle: rnd() < 0.5 ? `——${industry}重点项目建设见闻` : undefined,
    byline: `本报记者 ${pick(rnd, ["王晓", "李明", "张伟", "刘洋", "陈静"])} 通讯员 ${pick(rnd, ["赵磊", "孙悦", "周平"])}`,
    paragraphs,
  };
}
