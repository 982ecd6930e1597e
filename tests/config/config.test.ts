import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config/index.js";

const problems = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
};

describe("configuration", () => {
  it("needs nothing for the offline default", () => {
    const config = loadConfig({});
    expect(config.llm).toBeUndefined();
    expect(config.feishu).toBeUndefined();
    expect(config.embedding.provider).toBe("local");
    expect(config.port).toBe(3000);
  });

  it("reads the Feishu contract names with their defaults", () => {
    const config = loadConfig({ FEISHU_APP_ID: "cli_a", FEISHU_APP_SECRET: "s", FEISHU_DOMAIN: "http://127.0.0.1:9000/", PORT: "8080" });
    expect(config.feishu).toMatchObject({ appId: "cli_a", appSecret: "s", domain: "http://127.0.0.1:9000", transport: "ws", port: 8080 });
    expect(loadConfig({ FEISHU_APP_ID: "a", FEISHU_APP_SECRET: "s" }).feishu?.domain).toBe("https://open.feishu.cn");
    expect(loadConfig({ FEISHU_APP_ID: "a", FEISHU_APP_SECRET: "s", FEISHU_DOMAIN: "lark" }).feishu?.domain).toBe("https://open.larksuite.com");
  });

  it("names every bad variable, one message each", () => {
    const found = problems({ FEISHU_APP_ID: "cli_a", FEISHU_MODE: "carrier-pigeon", PORT: "-1", LLM_BASE_URL: "not a url" });
    expect(found.some((p) => p.startsWith("FEISHU_MODE"))).toBe(true);
    expect(found.some((p) => p.startsWith("PORT"))).toBe(true);
    expect(found.some((p) => p.startsWith("LLM_BASE_URL"))).toBe(true);
    expect(problems({ FEISHU_APP_ID: "cli_a" })).toEqual(["FEISHU_APP_SECRET: required when FEISHU_APP_ID is set"]);
    expect(problems({ FEISHU_APP_ID: "a", FEISHU_APP_SECRET: "s", FEISHU_MODE: "webhook" })[0]).toMatch(/FEISHU_ENCRYPT_KEY or FEISHU_VERIFICATION_TOKEN/);
    expect(problems({ LLM_BASE_URL: "http://127.0.0.1:1/v1" })).toEqual(["LLM_MODEL: required when LLM_BASE_URL is set"]);
  });
});
