/** The little of the DOM (as linkedom builds it) that the Word reader walks; the project has no DOM lib types. */
export interface HtmlElement {
  tagName: string;
  children: ArrayLike<HtmlElement>;
  textContent: string | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): HtmlElement | null;
  querySelectorAll(selector: string): ArrayLike<HtmlElement>;
  closest(selector: string): HtmlElement | null;
}
