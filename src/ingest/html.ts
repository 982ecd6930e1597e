export interface HtmlText {
  /** Text with one block element per paragraph (blank-line separated). */
  text: string;
  /** Contents of <title>, when present. */
  title?: string;
}

const DROPPED_ELEMENTS = ["script", "style", "noscript", "template", "svg", "head", "figcaption", "nav"];
const BLOCK_TAGS =
  "p|div|section|article|main|header|footer|aside|h[1-6]|li|ul|ol|dl|dt|dd|tr|table|thead|tbody|blockquote|pre|figure|hr|address";

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", ensp: " ", emsp: "　", thinsp: " ",
  ldquo: "“", rdquo: "”", lsquo: "‘", rsquo: "’", mdash: "—", ndash: "–", hellip: "…", middot: "·",
  laquo: "«", raquo: "»", times: "×", divide: "÷", deg: "°", yen: "¥", copy: "©", reg: "®", bull: "•",
};

/** Minimal HTML → text: drops scripts/styles/captions, turns block elements into paragraph breaks, decodes entities. */
export function htmlToText(html: string): HtmlText {
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1];
  let body = html.replace(/<!--[\s\S]*?-->/g, "");
  for (const tag of DROPPED_ELEMENTS) body = body.replace(new RegExp(`<${tag}\\b[\\s\\S]*?</${tag}\\s*>`, "gi"), "");
  body = body
    .replace(/\s+/g, " ")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(new RegExp(`</?(?:${BLOCK_TAGS})\\b[^>]*>`, "gi"), "\n\n")
    .replace(/<[^>]*>/g, "");
  const text = decodeEntities(body)
    .split("\n")
    .map((line) => line.trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  const cleanTitle = title ? decodeEntities(title.replace(/<[^>]*>/g, "")).replace(/\s+/g, " ").trim() : "";
  return cleanTitle ? { text, title: cleanTitle } : { text };
}

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (match, entity: string) => {
    if (entity[0] === "#") {
      const code = entity[1] === "x" || entity[1] === "X" ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
    }
    return NAMED_ENTITIES[entity.toLowerCase()] ?? match;
  });
}
