import { describe, expect, it } from "vitest";
import { markdownCard, parseCommand, type BotCommand } from "../../src/lark/index.js";
import { cardOf, cardText, type Harness, seedBots } from "../app/harness.js";

const bots = seedBots();

/** Sends `text` as a DM and returns the text of the bot's reply card. */
async function ask(h: Harness, text: string, chatType: "p2p" | "group" = "p2p"): Promise<string> {
  const event = h.emulator.events.textMessage({ chatType, text, mentionBot: chatType === "group" });
  await h.emulator.deliver(event);
  const [reply] = await h.emulator.waitForMessages((m) => m.parent_id === event.event.message.message_id);
  return cardText(cardOf(h, reply!));
}

describe("commands", () => {
  it("parses /name args, full-width slash included", () => {
    expect(parseCommand("/facts 青岛开发区 2022")).toEqual({ name: "facts", args: ["青岛开发区", "2022"], argText: "青岛开发区 2022" });
    expect(parseCommand("／HELP")).toEqual({ name: "help", args: [], argText: "" });
    expect(parseCommand("青岛开发区/2022")).toBeUndefined();
  });

  it("/help explains usage and lists every registered command, including ones added later (/digest)", async () => {
    const digest: BotCommand = {
      name: "digest",
      usage: "/digest subscribe 功能区",
      description: "订阅每周简报",
      run: async (ctx) => {
        await ctx.reply(markdownCard(ctx.services.texts, `digest:${ctx.command.args.join(",")}`), "digest");
      },
    };
    const h = await bots.start(bots.engine, { commands: [digest] });
    const help = await ask(h, "/help", "group");
    expect(help).toContain("青岛开发区2022年外贸进出口总额的增长目标是多少？");
    for (const usage of ["/help", "/sources", "/facts 功能区 [年份]", "/digest subscribe 功能区"]) expect(help).toContain(usage);
    expect(await ask(h, "/digest subscribe 青岛开发区")).toContain("digest:subscribe,青岛开发区");
  });

  it("/sources lists the articles with dates", async () => {
    const h = await bots.start(bots.engine);
    const text = await ask(h, "/sources");
    const facts = bots.engine.corpus.store.facts().length;
    expect(text).toContain(`${bots.engine.corpus.articles.size} 篇文章，${facts} 条数据`);
    expect(text).toMatch(/《突破“实、融、活、优”，打造全国标杆》等 2022-01-15 · [^\n]+ · 2 篇 · \d+ 条数据 · \d{4}-\d{2}-\d{2} 导入/);
  });

  it("/facts lists a zone's numbers for a year, by any alias", async () => {
    const h = await bots.start(bots.engine);
    const text = await ask(h, "/facts 青岛开发区 2022");
    expect(text).toContain("青岛经济技术开发区2022年的数字");
    expect(text).toContain("20%");
    expect(text).toMatch(/仅显示前 20 条，共 \d+ 条/);
    expect(await ask(h, "/facts 火星开发区")).toContain("不认识“火星开发区”");
    expect(await ask(h, "/facts 青岛开发区 去年")).toContain("不是年份");
    expect(await ask(h, "/facts")).toContain("用法：/facts");
    expect(await ask(h, "/facts 青岛开发区 1999")).toContain("资料中没有青岛经济技术开发区1999年的数字");
  });

  it("answers an unknown command with the command list", async () => {
    const h = await bots.start(bots.engine);
    const text = await ask(h, "/weather");
    expect(text).toContain("没有 /weather 这个命令");
    expect(text).toContain("/sources");
  });
});
