import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config/index.js";

// The bot's liveness, typing-indicator and recall settings read from the environment.

const app = { FEISHU_APP_ID: "cli_0123456789abcdef", FEISHU_APP_SECRET: "secret" };

describe("Feishu bot settings", () => {
  it("defaults: 30 s pong deadline, 5 min silence alert, typing on with Typing, sent answers stay", () => {
    expect(loadConfig(app).feishu).toMatchObject({
      wsPingTimeoutMs: 30_000, wsSilenceAlertMs: 300_000, typing: { enabled: true, emoji: "Typing" }, recallAnswers: false,
    });
  });

  const cases: Array<{ env: Record<string, string>; expected: Record<string, unknown> }> = [
    { env: { FEISHU_WS_PING_TIMEOUT_MS: "10000" }, expected: { wsPingTimeoutMs: 10_000 } },
    { env: { FEISHU_WS_PING_TIMEOUT_MS: "0" }, expected: { wsPingTimeoutMs: 0 } },
    { env: { FEISHU_WS_SILENCE_ALERT_MS: "60000" }, expected: { wsSilenceAlertMs: 60_000 } },
    { env: { FEISHU_TYPING_INDICATOR: "off" }, expected: { typing: { enabled: false, emoji: "Typing" } } },
    { env: { FEISHU_TYPING_EMOJI: "OnIt" }, expected: { typing: { enabled: true, emoji: "OnIt" } } },
    { env: { FEISHU_RECALL_ANSWERS: "true" }, expected: { recallAnswers: true } },
    { env: { FEISHU_RECALL_ANSWERS: "1" }, expected: { recallAnswers: true } },
  ];
  for (const c of cases) {
    it(`${JSON.stringify(c.env)}`, () => {
      expect(loadConfig({ ...app, ...c.env }).feishu).toMatchObject(c.expected);
    });
  }

  const bad: Array<Record<string, string>> = [
    { FEISHU_WS_PING_TIMEOUT_MS: "-1" },
    { FEISHU_WS_SILENCE_ALERT_MS: "0" },
    { FEISHU_TYPING_INDICATOR: "maybe" },
  ];
  for (const env of bad) {
    it(`refuses ${JSON.stringify(env)} with a message naming the variable`, () => {
      expect(() => loadConfig({ ...app, ...env })).toThrow(ConfigError);
      expect(() => loadConfig({ ...app, ...env })).toThrow(Object.keys(env)[0]!);
    });
  }
});
