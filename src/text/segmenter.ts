import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import { z } from "zod";

/** Dictionary frequency given to zone-type words, so the segmenter never joins them to a neighbour (个经+开区). */
const ZONE_WORD_FREQUENCY = 5000;
const ZoneSuffixesSchema = z.object({ zoneSuffixes: z.array(z.object({ form: z.string().min(1) })).default([]) });

let jiebaInstance: Jieba | undefined;
let zoneWords: string[] | undefined;

/**
 * The one jieba of the process (its dictionary costs ~40 MB per copy): retrieval and the zone recogniser
 * share it. It knows the zone-type words of data/zone-forms.json (经开区, 综合保税区) as words, always,
 * so tokens never depend on which caller came first. Loading takes ~100 ms, so it happens on first use.
 * It lives here, below both, so neither folder imports the other.
 */
export function sharedJieba(): Jieba {
  if (!jiebaInstance) {
    jiebaInstance = Jieba.withDict(dict);
    jiebaInstance.loadDict(Buffer.from(zoneTypeWords().map((form) => `${form} ${ZONE_WORD_FREQUENCY} n`).join("\n")));
  }
  return jiebaInstance;
}

/** The zone-type words the shared jieba knows (data/zone-forms.json). */
export function zoneTypeWords(): string[] {
  zoneWords ??= ZoneSuffixesSchema.parse(JSON.parse(readFileSync(fileURLToPath(new URL("../../data/zone-forms.json", import.meta.url)), "utf8"))).zoneSuffixes.map((suffix) => suffix.form);
  return zoneWords;
}
