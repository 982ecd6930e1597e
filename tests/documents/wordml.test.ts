import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { readDocx } from "../../src/documents/index.js";
import { headingStyles, wordBlocks } from "../../src/documents/docx/wordml.js";
import { docxParts } from "./docx-builder.js";
import { zip } from "./zip-writer.js";

// WordprocessingML as Word and WPS write it: runs split mid-word, tracked changes, hyperlinks, content
// controls, text boxes with a fallback copy, fields, entities. Each case: body XML → the lines read.

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';
const doc = (body: string) => `<w:document ${W}><w:body>${body}</w:body></w:document>`;
const p = (inner: string, style?: string) => `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ""}${inner}</w:p>`;
const r = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;

const cases: { name: string; body: string; lines: string[] }[] = [
  { name: "runs split inside a word are joined", body: p(r("新开工") + r("项目") + r("23个。")), lines: ["新开工项目23个。"] },
  { name: "inserted text is read, deleted text is not", body: p(`${r("投资")}<w:ins><w:r><w:t>156</w:t></w:r></w:ins><w:del><w:r><w:delText>120</w:delText></w:r></w:del>${r("亿元")}`), lines: ["投资156亿元"] },
  { name: "hyperlinks and content controls keep their text", body: p(`<w:hyperlink r:id="x">${r("青岛高新区")}</w:hyperlink><w:sdt><w:sdtContent>${r("2024年")}</w:sdtContent></w:sdt>`), lines: ["青岛高新区2024年"] },
  { name: "a field's code is not read, its result is", body: p(`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${r("3")}<w:r><w:fldChar w:fldCharType="end"/></w:r>`), lines: ["3"] },
  { name: "entities are decoded", body: p(r("研发投入&gt;3% &amp; 专利&#x4E2A;数&#26368;多")), lines: ["研发投入>3% &专利个数最多"] },
  {
    name: "a text box is read once (its fallback copy skipped), after its anchor paragraph",
    body: p(`${r("正文段落。")}<mc:AlternateContent><mc:Choice Requires="wps"><w:r><w:drawing><w:txbxContent>${p(r("文本框内容"))}</w:txbxContent></w:drawing></w:r></mc:Choice><mc:Fallback><w:r><w:pict><w:txbxContent>${p(r("文本框内容"))}</w:txbxContent></w:pict></w:r></mc:Fallback></mc:AlternateContent>`) + p(r("下一段。")),
    lines: ["正文段落。", "文本框内容", "下一段。"],
  },
  { name: "tabs and breaks become spaces, dropped next to Chinese", body: p(`${r("一、")}<w:r><w:tab/></w:r>${r("总体要求")}<w:r><w:br/></w:r>${r("Phase 2")}`), lines: ["一、总体要求Phase 2"] },
  { name: "empty paragraphs are skipped", body: p("") + "<w:p/>" + p(r("  ")) + p(r("有字")), lines: ["有字"] },
  {
    name: "a table nested in a cell is said inside that cell",
    body: `<w:tbl><w:tr><w:tc>${p(r("项目"))}</w:tc><w:tc>${p(r("说明"))}</w:tc></w:tr><w:tr><w:tc>${p(r("芯片"))}</w:tc><w:tc><w:tbl><w:tr><w:tc>${p(r("一期"))}</w:tc></w:tr><w:tr><w:tc>${p(r("投产"))}</w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>`,
    lines: ["芯片 说明 一期 投产。"],
  },
];

describe("WordprocessingML", () => {
  it.each(cases)("$name", ({ body, lines }) => {
    expect(wordBlocks(doc(body), new Set()).map((b) => b.text)).toEqual(lines);
  });

  it("knows heading styles by name, by outline level and through basedOn, whatever their ids", () => {
    const styles = `<w:styles ${W}>
      <w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style>
      <w:style w:type="paragraph" w:styleId="a3"><w:name w:val="Title"/></w:style>
      <w:style w:type="paragraph" w:styleId="biaoti"><w:name w:val="公文标题"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="mine"><w:name w:val="我的标题"/><w:basedOn w:val="1"/></w:style>
      <w:style w:type="paragraph" w:styleId="a"><w:name w:val="Normal"/></w:style>
      <w:style w:type="paragraph" w:styleId="body"><w:name w:val="正文缩进"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>
    </w:styles>`;
    const ids = headingStyles(styles);
    expect([...ids].sort()).toEqual(["1", "a3", "biaoti", "mine"]);
    const blocks = wordBlocks(doc(p(r("标题"), "a3") + p(r("正文"), "a") + p(r("一、目标"), "mine") + p(r("直接大纲级别")).replace("<w:p>", '<w:p><w:pPr><w:outlineLvl w:val="1"/></w:pPr>')), ids);
    expect(blocks).toEqual([
      { text: "标题", heading: true }, { text: "正文", heading: false }, { text: "一、目标", heading: true }, { text: "直接大纲级别", heading: true },
    ]);
  });

  it("reads the same paragraphs as mammoth on a document with all of the above", async () => {
    const body = cases.filter((c) => !c.name.includes("table") && !c.name.includes("text box")).map((c) => c.body).join("");
    const bytes = zip(docxParts(body));
    const ours = (await readDocx(bytes)).articles[0]!;
    const html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
    const theirs = [...html.matchAll(/<p>(.*?)<\/p>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, "").replace(/&gt;/g, ">").replace(/&amp;/g, "&"))
      .map((t) => t.replace(/\s+/g, "")).filter(Boolean);
    // The first line ends in a full stop, so it is no title: the text holds every paragraph.
    expect(ours.text.split("\n").map((t) => t.replace(/\s+/g, ""))).toEqual(theirs);
  });
});
