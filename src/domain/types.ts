/**
 * Core data shapes shared by every stage: article → chunks/facts → index/store → tools → brain.
 * Offsets are UTF-16 code-unit offsets into Article.text (the cleaned text), so
 * `article.text.slice(start, end) === evidence` always holds.
 */

/** One newspaper piece after cleaning and splitting. A source file may hold several. */
export interface Article {
  /** Stable id: `${file's absolute path or URL}#${part}` (part counts from 0 in file order); never a front-matter field. */
  id: string;
  /** File name of the source (what citations name), e.g. `000_2ff4632f0b7735b9.txt`. */
  source: string;
  /** The outlet that published it (front matter `source:`, a 「来源：」 line, the site's name), when known. */
  outlet?: string;
  /** Index of this piece within its source file. */
  part: number;
  title: string;
  /** Publication date `YYYY-MM-DD`, or null when nothing says. */
  date: string | null;
  /** Where the date came from: a verbatim snippet of the text, `front-matter`, `sidecar`, `cli`. */
  dateEvidence: string | null;
  /** Canonical zone names mentioned, most frequent first. */
  zones: string[];
  /**
   * Other names the file's metadata gives its home zone: front matter 「zone: 沈阳市浑南区（沈阳高新区）」 names one
   * zone twice, so 沈阳市浑南区 is 沈阳高新区's too.
   */
  zoneAliases?: string[];
  /** Cleaned text: lines joined, paragraphs separated by `\n`. */
  text: string;
  /** sha256 of the raw source file (for incremental ingest). */
  contentHash: string;
  /** Pages of a PDF (or Word file) the article was read from, 1-based. */
  pages?: number[];
  /** The text was read by OCR from a scanned page: a citation should say so, since figures may be misread. */
  ocr?: true;
}

export type FactKind = "target" | "actual" | "plan" | "investment" | "ranking" | "stat";

export type Qualifier = "以上" | "余" | "近" | "超" | "突破" | "约" | "多" | "左右" | "以内" | "达" | "";

export type Period = "year" | "Q1" | "Q2" | "Q3" | "Q4" | "H1" | "H2" | "ytd" | "months" | "point";

/** One number found in an article, with what it counts and where it was said. */
export interface Fact {
  id: string;
  articleId: string;
  source: string;
  /** Canonical zone name the number belongs to, or null when unknown. */
  zone: string | null;
  /** What the number is about (project, company, programme), when stated. */
  subject: string;
  /** What is counted or measured, e.g. `新签约入驻企业`, `外贸进出口总额增长`. */
  metric: string;
  /** Normalised value in base unit (亿元 → 元 × 1e8, 万人 → 人 × 1e4, % stays). */
  value: number;
  /** Base unit after normalisation: 个, 家, 元, 美元, 人, %, 平方米, … */
  unit: string;
  /** The number as written, with its unit: `81.7亿元`, `100家`, `20%`. */
  raw: string;
  qualifier: Qualifier;
  kind: FactKind;
  /** Resolved calendar year or null. */
  year: number | null;
  period: Period;
  /** Normalised part of the year (Y, M1-3, M1-6, M1-9, M1-n, Q2, Q3, Q4, H2) so wordings meet. */
  periodKey: string;
  /** Calendar month the figure is dated by (「10月29日，…集中开工26个项目」 → 10), when its sentence or paragraph names one. */
  month?: number | null;
  /** Verbatim clause containing the number: article.text.slice(start, end). */
  evidence: string;
  start: number;
  end: number;
}

/** A retrievable span of an article, sentence-aligned. */
export interface Chunk {
  id: string;
  articleId: string;
  source: string;
  start: number;
  end: number;
  text: string;
  zones: string[];
  years: number[];
}

/** Where an answer's words came from; the shape every brain emits. */
export interface Citation {
  source: string;
  title: string;
  date: string | null;
  quote: string;
}
