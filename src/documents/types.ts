/** One article read from a document. `text`: one paragraph per line, headings on their own lines. */
export interface DocumentArticle {
  title: string;
  text: string;
  /** YYYY-MM-DD, from the page header band when the layout has one. */
  date?: string;
  /** The text the date was read from (e.g. the header line 「青岛日报 2024年3月5日 星期二 第1版」). */
  dateEvidence?: string;
  /** 1-based page numbers the article was read from. */
  pages: number[];
  /** An official document's issuer, the first of the lines above its 关于 title (「西宁经济技术开发区管理委员会」). */
  issuer?: string;
  /** Read through OCR (the page had no text layer). */
  ocr?: boolean;
}

export interface DocumentRead {
  articles: DocumentArticle[];
  warnings: string[];
}
