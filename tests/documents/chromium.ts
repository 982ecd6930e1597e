import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type BrowserContext, chromium } from "playwright-core";

// Debian's Chromium driven by playwright-core (no browser download), as in tests/playground. Fixtures
// are printed by it: HTML with CSS columns and the WenQuanYi Zen Hei font → PDF, or → PNG screenshot.

export const CHROMIUM = process.env.ZONEBOT_CHROMIUM ?? "/usr/bin/chromium";
export const chromiumAvailable = existsSync(CHROMIUM);
export const CHROMIUM_SKIP_REASON = `${CHROMIUM} is not installed (apt-get install -y chromium fonts-wqy-zenhei); skipping the PDF fixture tests`;

export interface PrintOptions {
  /** A page footer printed by Chromium (its pageNumber class), in a bottom margin. */
  footerTemplate?: string;
  margin?: { top: string; bottom: string; left: string; right: string };
}

export interface Printer {
  pdf(html: string, options?: PrintOptions): Promise<Uint8Array>;
  /** Each `.body p` of the HTML with the number of columns Chromium spread it over. */
  paragraphColumns(html: string): Promise<{ text: string; columns: number }[]>;
  /** The first A4 page of the HTML rendered to a PNG (~150 dpi), as a scanner would see it. */
  screenshot(html: string): Promise<Buffer>;
  /** One A4 page rendered to a PNG, then wrapped in a PDF that has no text layer (a "scan"). */
  scannedPdf(html: string): Promise<Uint8Array>;
  close(): Promise<void>;
}

export async function startPrinter(): Promise<Printer> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), "zonebot-documents-chromium-"));
  const context: BrowserContext = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
    locale: "zh-CN",
  });
  const page = await context.newPage();
  const pdf = async (html: string, options: PrintOptions = {}): Promise<Uint8Array> => {
    await page.setContent(html, { waitUntil: "load" });
    await page.evaluate("document.fonts.ready");
    // A fixture whose text overflows its page would be cut off in print and could never be read back.
    const overflowing = await page.evaluate("Array.from(document.querySelectorAll('.page')).filter((p) => p.scrollHeight > p.clientHeight + 1).length");
    if (overflowing !== 0) throw new Error(`fixture: ${String(overflowing)} page(s) overflow; use fewer paragraphs`);
    const bytes = await page.pdf({
      format: "A4", printBackground: true, preferCSSPageSize: !options.margin,
      margin: options.margin ?? { top: "0", bottom: "0", left: "0", right: "0" },
      displayHeaderFooter: options.footerTemplate !== undefined,
      headerTemplate: "<span></span>",
      footerTemplate: options.footerTemplate ?? "<span></span>",
    });
    return new Uint8Array(bytes);
  };
  const screenshot = async (html: string): Promise<Buffer> => {
    // A4 at ~150 dpi: big enough for OCR, small enough to stay quick.
    const shooter = await context.newPage();
    try {
      await shooter.setViewportSize({ width: 1240, height: 1754 });
      await shooter.setContent(html, { waitUntil: "load" });
      await shooter.evaluate("document.fonts.ready");
      return await shooter.screenshot({ type: "png", fullPage: false });
    } finally {
      await shooter.close();
    }
  };
  const paragraphColumns = async (html: string): Promise<{ text: string; columns: number }[]> => {
    await page.emulateMedia({ media: "print" });
    await page.setContent(html, { waitUntil: "load" });
    await page.evaluate("document.fonts.ready");
    const found = await page.evaluate(
      "Array.from(document.querySelectorAll('.body p')).map((p) => ({ text: p.textContent, columns: new Set(Array.from(p.getClientRects()).map((r) => Math.round(r.left))).size }))",
    );
    await page.emulateMedia({ media: null });
    return found as { text: string; columns: number }[];
  };
  return {
    pdf,
    paragraphColumns,
    screenshot,
    async scannedPdf(html) {
      const png = await screenshot(html);
      const wrapper = `<!doctype html><html><head><style>@page{size:A4;margin:0}html,body{margin:0}img{width:210mm;height:297mm;display:block}</style></head>`
        + `<body><img src="data:image/png;base64,${png.toString("base64")}"></body></html>`;
      return pdf(wrapper);
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
