import type { Engine } from "../engine/index.js";

const COLUMNS = ["zone", "year", "kind", "metric", "subject", "raw", "qualifier", "value", "unit", "period", "source", "evidence"] as const;

export function runFacts(engine: Engine, options: { zone?: string; year?: string; csv?: boolean }): void {
  const year = options.year !== undefined ? Number(options.year) : undefined;
  if (year !== undefined && !Number.isInteger(year)) throw new Error(`--year must be a year, got "${options.year}"`);
  const zone = options.zone ? engine.corpus.gazetteer.known(options.zone) : undefined;
  if (options.zone && !zone) throw new Error(`unknown zone "${options.zone}"`);
  const facts = engine.corpus.store.facts({ zones: zone ? [zone] : undefined, year });
  const rows = facts.map((fact) => COLUMNS.map((column) => String(fact[column] ?? "")));
  if (options.csv) {
    process.stdout.write(`${COLUMNS.join(",")}\n`);
    for (const row of rows) process.stdout.write(`${row.map(csvCell).join(",")}\n`);
    return;
  }
  for (const fact of facts) {
    process.stdout.write(
      `${fact.zone ?? "?"}\t${fact.year ?? "?"}\t${fact.kind}\t${fact.metric}\t${fact.raw}${fact.qualifier ? `(${fact.qualifier})` : ""}\t${fact.source}\n      “${fact.evidence}”\n`,
    );
  }
  process.stderr.write(`${facts.length} facts\n`);
}

function csvCell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
