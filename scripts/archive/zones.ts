/**
 * Zone list of the synthetic archive: the real gazetteer (data/zones.json, read-only) plus the
 * generator's extra zones, each with a size and profile.
 */
import { readFileSync } from "node:fs";
import { EXTRA_GROUPS, EXTRA_ZONES, GROUP_LEADS, REAL_PROFILES } from "./data/zones.js";

export interface ZoneDef {
  name: string;
  /** Every strong alias (canonical name included). Weak aliases (开发区, 新区) are left out. */
  aliases: string[];
  /**
   * Aliases safe to print for this zone: not contained in an alias of another zone
   * (西海岸 ⊂ 西海岸国际旅游度假区 is dropped; 青岛开发区 stays).
   */
  renderAliases: string[];
  /** Aliases used in "alias" questions: render aliases other than the canonical name. */
  altAliases: string[];
  parent: string | null;
  groups: string[];
  scale: number;
  tags: string[];
  /** true: from data/zones.json; false: exists only in this archive. */
  real: boolean;
}

export interface GroupDef {
  id: string;
  lead: string;
  members: string[];
}

interface GazetteerFile {
  zones: { name: string; aliases?: string[]; parent?: string; groups?: string[] }[];
}

const GAZETTEER_URL = new URL("../../data/zones.json", import.meta.url);

export function loadZones(): { zones: ZoneDef[]; groups: GroupDef[] } {
  const gazetteer = JSON.parse(readFileSync(GAZETTEER_URL, "utf8")) as GazetteerFile;
  const raw: Omit<ZoneDef, "renderAliases" | "altAliases">[] = [];
  for (const z of gazetteer.zones) {
    const profile = REAL_PROFILES[z.name] ?? { scale: 0.8, tags: ["industry"] };
    const aliases = unique([z.name, ...(z.aliases ?? [])]);
    raw.push({ name: z.name, aliases, parent: z.parent ?? null, groups: z.groups ?? [], scale: profile.scale, tags: profile.tags, real: true });
  }
  const known = new Set(raw.map((z) => z.name));
  for (const z of EXTRA_ZONES) {
    if (known.has(z.name)) continue;
    raw.push({ name: z.name, aliases: unique([z.name, ...z.aliases]), parent: z.parent, groups: z.groups, scale: z.scale, tags: z.tags, real: false });
  }
  const zones: ZoneDef[] = raw.map((z) => {
    const others = raw.filter((o) => o.name !== z.name).flatMap((o) => o.aliases);
    let renderAliases = z.aliases.filter((a) => !others.some((o) => o.includes(a)));
    if (!renderAliases.includes(z.name) && !others.some((o) => o.includes(z.name))) renderAliases.unshift(z.name);
    if (renderAliases.length === 0) renderAliases = [z.name];
    const altAliases = renderAliases.filter((a) => a !== z.name);
    return { ...z, renderAliases, altAliases };
  });
  const groups: GroupDef[] = [];
  const ids = [...Object.keys(GROUP_LEADS), ...EXTRA_GROUPS.map((g) => g.id)];
  for (const id of ids) {
    const lead = GROUP_LEADS[id] ?? EXTRA_GROUPS.find((g) => g.id === id)?.lead ?? id;
    const members = zones.filter((z) => z.groups.includes(id) && z.name !== "青岛市").map((z) => z.name);
    if (members.length >= 3) groups.push({ id, lead, members });
  }
  return { zones, groups };
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}
