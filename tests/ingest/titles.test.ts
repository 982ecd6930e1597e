import { describe, expect, it } from "vitest";
import { defaultMarkers, splitArticles } from "../../src/ingest/index.js";
import { chooseTitle } from "../../src/ingest/titles.js";

const markers = defaultMarkers();

describe("chooseTitle", () => {
  it.each([
    { name: "a subtitle under the headline is not the title", groups: [["首破千亿元　园区经济总量居全市首位", "——2023年滨海园区经济运行综述"]], title: "首破千亿元　园区经济总量居全市首位" },
    { name: "a listing subtitle is not the title", groups: [["三个园区前三季度交出“成绩单”", "北岸、南岸、东岸园区主要指标稳中有进"]], title: "三个园区前三季度交出“成绩单”" },
    { name: "a listing kicker is not the title", groups: [["招商引资、项目建设、要素保障齐发力", "滨海园区以链式思维激活发展动力"]], title: "滨海园区以链式思维激活发展动力" },
    { name: "short OCR fragments are one title", groups: [["国产新能源车", "“组团”出海"]], title: "国产新能源车“组团”出海" },
    { name: "a kicker group ending with a colon gives way to the main group", groups: [["滨海园区：", ], ["一季度新签约项目27个"]], title: "一季度新签约项目27个" },
    { name: "a headline wrapped in a narrow column is one title", groups: [["稳中求进 滨海园区交出2024年发展", "答卷"]], title: "稳中求进 滨海园区交出2024年发展答卷" },
    { name: "a short headline under a kicker that ends in punctuation stays alone", groups: [["招商引资、项目建设再发力再提速，", "园区开门红"]], title: "园区开门红" },
    { name: "no groups, no title", groups: [], title: undefined },
  ])("$name", ({ groups, title }) => {
    expect(chooseTitle(groups, markers)).toBe(title);
  });
});

describe("headlines with ！ or ？ inside", () => {
  const body = "　　本报讯（记者 王某）2月6日，记者从园区获悉，园区去年实现产值1081亿元，同比增长5.7%，增速居全市第一。\n　　园区负责人表示，今年将继续抓好项目建设。\n";

  it("「5.7%！…」 is a headline, not the first paragraph", () => {
    const [piece] = splitArticles(`5.7%！滨海园区去年增速领跑全市\n\n${body}`, markers);
    expect(piece!.title).toBe("5.7%！滨海园区去年增速领跑全市");
    expect(piece!.text.startsWith("本报讯")).toBe(true);
  });

  it("a line that ends with ？ is a sentence, not a headline", () => {
    const [piece] = splitArticles(`滨海园区今年怎么干？\n\n${body}`, markers);
    expect(piece!.text.startsWith("滨海园区今年怎么干？")).toBe(true);
  });
});
