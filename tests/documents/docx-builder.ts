import { type ZipInput, zip } from "./zip-writer.js";

// .docx fixtures written by hand: the few parts Word needs, headings through the built-in Heading styles,
// tables with optional merged cells.

export type DocxBlock =
  | { heading: string; level?: number }
  | { paragraph: string }
  | { table: DocxCell[][] };

export type DocxCell = string | { text: string; colspan?: number; vmerge?: "restart" | "continue" };

const escapeXml = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const run = (text: string) => `<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;

function cellXml(cell: DocxCell): string {
  const c = typeof cell === "string" ? { text: cell } : cell;
  const props = [c.colspan ? `<w:gridSpan w:val="${c.colspan}"/>` : "", c.vmerge ? `<w:vMerge w:val="${c.vmerge}"/>` : ""].join("");
  return `<w:tc><w:tcPr>${props}</w:tcPr><w:p>${c.vmerge === "continue" ? "" : run(c.text)}</w:p></w:tc>`;
}

export function blockXml(block: DocxBlock): string {
  if ("heading" in block) return `<w:p><w:pPr><w:pStyle w:val="Heading${block.level ?? 1}"/></w:pPr>${run(block.heading)}</w:p>`;
  if ("paragraph" in block) return `<w:p>${run(block.paragraph)}</w:p>`;
  return `<w:tbl><w:tblPr/>${block.table.map((row) => `<w:tr>${row.map(cellXml).join("")}</w:tr>`).join("")}</w:tbl>`;
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
${[1, 2, 3].map((n) => `<w:style w:type="paragraph" w:styleId="Heading${n}"><w:name w:val="heading ${n}"/></w:style>`).join("\n")}
</w:styles>`;

export function docxParts(bodyXml: string): ZipInput[] {
  return [
    { name: "[Content_Types].xml", data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
</Types>` },
    { name: "_rels/.rels", data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>` },
    { name: "word/_rels/document.xml.rels", data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>` },
    { name: "word/styles.xml", data: STYLES },
    { name: "word/document.xml", data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${bodyXml}<w:sectPr/></w:body></w:document>` },
  ];
}

export function buildDocx(blocks: DocxBlock[]): Uint8Array {
  return zip(docxParts(blocks.map(blockXml).join("")));
}
