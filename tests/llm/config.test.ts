import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig, PROJECT_ROOT } from "../../src/config/index.js";

/** The commented presets of .env.example, each as an env object. */
function presets(): { name: string; env: Record<string, string> }[] {
  const text = readFileSync(path.join(PROJECT_ROOT, ".env.example"), "utf8");
  const blocks = text.slice(text.indexOf("# --- LLM brain")).split(/\n\s*\n/);
  return blocks
    .map((block) => {
      const lines = block.split("\n");
      const env: Record<string, string> = {};
      for (const line of lines) {
        const m = /^# (LLM_[A-Z_]+)=(.*)$/.exec(line);
        if (m) env[m[1]!] = m[2]!;
      }
      return { name: lines.find((l) => !/^# LLM_/.test(l))?.replace(/^#\s*/, "") ?? "", env };
    })
    .filter((p) => p.env.LLM_BASE_URL);
}

describe(".env.example LLM presets", () => {
  it("has working presets for OpenAI, DeepSeek, Qwen (DashScope), Doubao (Ark), vLLM and Ollama", () => {
    const found = presets();
    const names = found.map((p) => p.name).join(" | ");
    for (const provider of ["OpenAI", "DeepSeek", "DashScope", "Ark", "vLLM", "Ollama"]) expect(names).toContain(provider);
    for (const preset of found) {
      const config = loadConfig({ ...preset.env });
      expect(config.llm, preset.name).toMatchObject({ baseUrl: preset.env.LLM_BASE_URL, model: preset.env.LLM_MODEL, timeoutMs: 20_000 });
      expect(config.llm!.baseUrl).toMatch(/\/v\d$/);
    }
  });
});
