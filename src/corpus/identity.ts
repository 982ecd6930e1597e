/**
 * What identifies an ingested file: its absolute path (or URL). Article ids are `${that}#${part}`, and a
 * fact names its article, so everything a file contributed is found by that key — never by the base
 * name (`source`), which two files in different folders can share and which only citations show.
 */
export function fileOfArticle(articleId: string): string {
  const hash = articleId.lastIndexOf("#");
  return hash < 0 ? articleId : articleId.slice(0, hash);
}
