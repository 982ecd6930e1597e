import { makeRandom } from "./newspaper.js";

// A government work report as printed: one column, a centred title, numbered headings 一、 and （一）,
// paragraphs indented two characters, the page number in the footer; long enough to run over pages.

export interface ReportSection {
  heading: string;
  subsections: { heading: string; paragraphs: string[] }[];
}

export interface Report {
  title: string;
  intro: string[];
  /** A table after the introduction: a header row, then rows led by their label. */
  table?: string[][];
  sections: ReportSection[];
}

const GOALS = ["地区生产总值增长6%以上", "规模以上工业增加值增长7%", "固定资产投资增长5%", "外贸进出口总额增长8%", "实际使用外资3亿美元"];
const TASKS = ["加快建设现代化产业体系", "持续扩大有效投资", "深化改革扩大开放", "推动城乡融合发展", "保障和改善民生"];

export function makeReport(seed: number, sections = 4): Report {
  const rnd = makeRandom(seed);
  const paragraph = (serial: string) => {
    const goal = GOALS[Math.floor(rnd() * GOALS.length)]!;
    const count = 20 + Math.floor(rnd() * 80);
    return `【${serial}】全年${goal}，新开工重点项目${count}个，完成投资${(50 + rnd() * 300).toFixed(1)}亿元。`
      + `围绕主导产业补链强链，新培育专精特新企业${Math.floor(rnd() * 60) + 10}家，高新技术企业达到${Math.floor(rnd() * 900) + 100}家，`
      + `研发投入占比提高到${(2 + rnd() * 2).toFixed(2)}%。`;
  };
  const numerals = ["一", "二", "三", "四", "五", "六"];
  return {
    title: "2024年青岛西海岸新区政府工作报告",
    intro: [paragraph("0-1"), paragraph("0-2")],
    table: [
      ["指标", "2023年完成", "2024年目标"],
      ["地区生产总值增速", "5.8%", "6%以上"],
      ["规模以上工业增加值增速", "6.5%", "7%"],
      ["固定资产投资增速", "4.2%", "5%"],
      ["外贸进出口总额", "2100亿元", "2268亿元"],
    ],
    sections: Array.from({ length: sections }, (_, s) => ({
      heading: `${numerals[s]}、${TASKS[s % TASKS.length]}`,
      subsections: Array.from({ length: 2 }, (_, t) => ({
        heading: `（${numerals[t]}）${TASKS[(s + t + 1) % TASKS.length]}的重点任务`,
        paragraphs: Array.from({ length: 3 }, (_, p) => paragraph(`${s + 1}-${t + 1}-${p + 1}`)),
      })),
    })),
  };
}

/** One sentence per cell: column label, row label, value. */
const cellSentences = (table: string[][]): string[] =>
  table.slice(1).flatMap((row) => row.slice(1).map((value, c) => `${table[0]![c + 1]} ${row[0]} ${value}。`));

export function reportLines(report: Report): string[] {
  return [...report.intro, ...(report.table ? cellSentences(report.table) : []), ...report.sections.flatMap((s) => [s.heading, ...s.subsections.flatMap((t) => [t.heading, ...t.paragraphs])])];
}

export function reportHtml(report: Report): string {
  const p = (text: string) => `<p>${text}</p>`;
  const body = [
    `<h1>${report.title}</h1>`,
    ...report.intro.map(p),
    ...(report.table ? [`<table>${report.table.map((row, r) => `<tr>${row.map((c) => (r === 0 ? `<th>${c}</th>` : `<td>${c}</td>`)).join("")}</tr>`).join("")}</table>`] : []),
    ...report.sections.flatMap((s) => [`<h2>${s.heading}</h2>`, ...s.subsections.flatMap((t) => [`<h3>${t.heading}</h3>`, ...t.paragraphs.map(p)])]),
  ].join("");
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
body { font-family: "WenQuanYi Zen Hei", sans-serif; font-size: 16px; line-height: 1.8; margin: 0 }
h1 { font-size: 26px; text-align: center; margin: 0 0 24px }
h2 { font-size: 19px; margin: 16px 0 8px }
h3 { font-size: 16px; margin: 8px 0; text-indent: 2em }
p { margin: 0; text-indent: 2em; text-align: justify }
table { border-collapse: collapse; margin: 12px 0; font-size: 14px; line-height: 1.4 }
th, td { border: 1px solid #333; padding: 4px 14px; text-align: left; font-weight: normal }
</style></head><body>${body}</body></html>`;
}

/** 「— 3 —」 centred in the footer, as government documents number their pages. */
export const REPORT_FOOTER = `<div style="width:100%;text-align:center;font-size:12px;font-family:'WenQuanYi Zen Hei'">— <span class="pageNumber"></span> —</div>`;
export const REPORT_MARGIN = { top: "25mm", bottom: "25mm", left: "25mm", right: "25mm" };
