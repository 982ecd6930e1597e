/**
 * Generator-side zone data. The real Qingdao zones (names, aliases, parents, groups) are read from
 * data/zones.json; this file adds their size and profile, plus ~30 plausible extra zones that exist
 * only in the synthetic archive (the answerer's gazetteer does not know them — by design).
 *
 * scale: rough economic size (青岛市 = 25, a mid-size functional zone ≈ 1). Values scale with it.
 * tags: which metric families a zone plausibly reports (see metrics.ts `tags`).
 */

export interface ZoneProfile {
  scale: number;
  tags: string[];
}

export interface ExtraZone extends ZoneProfile {
  name: string;
  aliases: string[];
  parent: string;
  groups: string[];
}

/** Extra roundup groups (the gazetteer has qingdao-nine, west-coast-functional, qingdao-districts). */
export const EXTRA_GROUPS: { id: string; name: string; lead: string }[] = [
  { id: "provincial-parks", name: "省级以上开发区", lead: "全市省级以上开发区" },
  { id: "bonded", name: "综合保税区", lead: "全市各综合保税区" },
  { id: "new-parks", name: "重点产业园区", lead: "全市重点产业园区" },
];

/** Lead phrases for the gazetteer's own groups, used by roundup articles. */
export const GROUP_LEADS: Record<string, string> = {
  "qingdao-nine": "全市九大功能区",
  "west-coast-functional": "西海岸新区各功能区",
  "qingdao-districts": "全市各区市",
};

export const REAL_PROFILES: Record<string, ZoneProfile> = {
  青岛西海岸新区: { scale: 10, tags: ["industry", "trade", "port", "tourism", "district"] },
  青岛经济技术开发区: { scale: 3.2, tags: ["industry", "trade", "tech"] },
  上合示范区: { scale: 1.6, tags: ["trade", "logistics", "bonded"] },
  青岛自贸片区: { scale: 2.4, tags: ["trade", "bonded", "finance", "port"] },
  前湾保税港区: { scale: 1.8, tags: ["trade", "bonded", "port", "logistics"] },
  青岛高新区: { scale: 2.2, tags: ["industry", "tech"] },
  青岛蓝谷: { scale: 1.1, tags: ["tech", "tourism"] },
  青岛金家岭金融聚集区: { scale: 1.3, tags: ["finance"] },
  青岛国际邮轮港区: { scale: 0.6, tags: ["tourism", "finance"] },
  青岛轨道交通产业示范区: { scale: 0.9, tags: ["industry", "tech"] },
  青岛董家口经济区: { scale: 1.4, tags: ["industry", "port", "logistics"] },
  国际经济合作区: { scale: 1.0, tags: ["industry", "trade", "tech"] },
  古镇口融合区: { scale: 0.7, tags: ["industry", "tech"] },
  灵山湾影视文化区: { scale: 0.6, tags: ["tourism"] },
  国际旅游度假区: { scale: 0.8, tags: ["tourism", "finance"] },
  海洋高新区: { scale: 0.8, tags: ["industry", "tech"] },
  现代农业示范区: { scale: 0.4, tags: ["agri", "tourism"] },
  青岛胶东临空经济示范区: { scale: 1.0, tags: ["logistics", "trade", "industry"] },
  青岛空港综合保税区: { scale: 0.5, tags: ["bonded", "trade", "logistics"] },
  市南区: { scale: 4.5, tags: ["district", "finance", "tourism"] },
  市北区: { scale: 3.6, tags: ["district", "finance", "trade"] },
  李沧区: { scale: 2.2, tags: ["district", "trade"] },
  崂山区: { scale: 3.8, tags: ["district", "tech", "tourism", "finance"] },
  城阳区: { scale: 4.2, tags: ["district", "industry", "trade"] },
  即墨区: { scale: 4.0, tags: ["district", "industry", "trade"] },
  胶州市: { scale: 4.0, tags: ["district", "industry", "trade", "logistics"] },
  平度市: { scale: 2.6, tags: ["district", "industry", "agri"] },
  莱西市: { scale: 2.0, tags: ["district", "industry", "agri"] },
  青岛市: { scale: 25, tags: ["city", "district", "industry", "trade", "port", "tourism", "finance", "tech", "logistics"] },
};

export const EXTRA_ZONES: ExtraZone[] = [
  { name: "交通商务区", aliases: ["交通商务区", "西海岸交通商务区", "青岛西海岸新区交通商务区"], parent: "青岛西海岸新区", groups: ["west-coast-functional"], scale: 0.5, tags: ["finance", "trade"] },
  { name: "青岛保税区", aliases: ["青岛保税区", "青岛市保税区"], parent: "青岛西海岸新区", groups: ["bonded"], scale: 0.9, tags: ["bonded", "trade", "logistics"] },
  { name: "即墨经济开发区", aliases: ["即墨经济开发区", "即墨经开区", "青岛即墨经济开发区"], parent: "即墨区", groups: ["provincial-parks"], scale: 1.1, tags: ["industry", "trade"] },
  { name: "胶州经济技术开发区", aliases: ["胶州经济技术开发区", "胶州经开区", "胶州开发区"], parent: "胶州市", groups: ["provincial-parks"], scale: 1.3, tags: ["industry", "trade"] },
  { name: "平度经济开发区", aliases: ["平度经济开发区", "平度经开区", "平度开发区"], parent: "平度市", groups: ["provincial-parks"], scale: 0.8, tags: ["industry"] },
  { name: "莱西经济开发区", aliases: ["莱西经济开发区", "莱西经开区", "莱西开发区"], parent: "莱西市", groups: ["provincial-parks"], scale: 0.7, tags: ["industry"] },
  { name: "青岛汽车产业新城", aliases: ["青岛汽车产业新城", "即墨汽车产业新城", "汽车产业新城"], parent: "即墨区", groups: ["new-parks"], scale: 0.9, tags: ["industry"] },
  { name: "西海岸综合保税区", aliases: ["西海岸综合保税区", "青岛西海岸综合保税区", "西海岸综保区"], parent: "青岛西海岸新区", groups: ["bonded"], scale: 0.5, tags: ["bonded", "trade"] },
  { name: "即墨综合保税区", aliases: ["即墨综合保税区", "青岛即墨综合保税区", "即墨综保区"], parent: "即墨区", groups: ["bonded"], scale: 0.4, tags: ["bonded", "trade"] },
  { name: "胶州湾综合保税区", aliases: ["胶州湾综合保税区", "青岛胶州湾综合保税区", "胶州湾综保区"], parent: "胶州市", groups: ["bonded"], scale: 0.4, tags: ["bonded", "trade", "logistics"] },
  { name: "红岛经济区", aliases: ["红岛经济区", "青岛红岛经济区"], parent: "城阳区", groups: ["provincial-parks"], scale: 1.2, tags: ["industry", "tech"] },
  { name: "青岛国际院士港", aliases: ["青岛国际院士港", "国际院士港", "院士港"], parent: "李沧区", groups: ["new-parks"], scale: 0.3, tags: ["tech"] },
  { name: "青岛中央商务区", aliases: ["青岛中央商务区", "市北中央商务区", "市北CBD"], parent: "市北区", groups: ["new-parks"], scale: 0.8, tags: ["finance", "trade"] },
  { name: "崂山湾国际生态健康城", aliases: ["崂山湾国际生态健康城", "崂山湾健康城", "生态健康城"], parent: "即墨区", groups: ["new-parks"], scale: 0.4, tags: ["tourism", "tech"] },
  { name: "青岛国际创新园", aliases: ["青岛国际创新园", "国际创新园"], parent: "崂山区", groups: ["new-parks"], scale: 0.5, tags: ["tech", "finance"] },
  { name: "青岛软件科技城", aliases: ["青岛软件科技城", "软件科技城", "青岛软件城"], parent: "青岛高新区", groups: ["new-parks"], scale: 0.5, tags: ["tech"] },
  { name: "中日（青岛）地方发展合作示范区", aliases: ["中日（青岛）地方发展合作示范区", "中日地方发展合作示范区", "中日示范区"], parent: "城阳区", groups: ["new-parks"], scale: 0.6, tags: ["trade", "industry"] },
  { name: "中韩（青岛）国际合作产业园", aliases: ["中韩（青岛）国际合作产业园", "中韩国际合作产业园", "中韩产业园"], parent: "即墨区", groups: ["new-parks"], scale: 0.5, tags: ["trade", "industry"] },
  { name: "青岛国际陆港", aliases: ["青岛国际陆港", "胶州国际陆港", "国际陆港"], parent: "胶州市", groups: ["new-parks"], scale: 0.6, tags: ["logistics", "trade"] },
  { name: "青岛纺织谷", aliases: ["青岛纺织谷", "纺织谷"], parent: "李沧区", groups: ["new-parks"], scale: 0.3, tags: ["tech", "tourism"] },
  { name: "鳌山湾科教新城", aliases: ["鳌山湾科教新城", "鳌山湾新城", "即墨鳌山湾科教新城"], parent: "即墨区", groups: ["new-parks"], scale: 0.4, tags: ["tech"] },
  { name: "平度新河化工产业园区", aliases: ["平度新河化工产业园区", "新河化工产业园区", "新河化工园"], parent: "平度市", groups: ["provincial-parks"], scale: 0.5, tags: ["industry"] },
  { name: "姜山新能源汽车产业园", aliases: ["姜山新能源汽车产业园", "莱西姜山新能源汽车产业园", "姜山汽车产业园"], parent: "莱西市", groups: ["new-parks"], scale: 0.4, tags: ["industry"] },
  { name: "李村商圈", aliases: ["李村商圈", "李沧李村商圈", "李村商业中心区"], parent: "李沧区", groups: ["new-parks"], scale: 0.5, tags: ["trade", "tourism"] },
  { name: "崂山科技城", aliases: ["崂山科技城", "青岛崂山科技城"], parent: "崂山区", groups: ["new-parks"], scale: 0.6, tags: ["tech", "finance"] },
  { name: "城阳空港工业园", aliases: ["城阳空港工业园", "空港工业园", "城阳空港工业聚集区"], parent: "城阳区", groups: ["provincial-parks"], scale: 0.6, tags: ["industry", "logistics"] },
  { name: "青岛蓝色药谷", aliases: ["青岛蓝色药谷", "蓝色药谷", "蓝色药谷产业园"], parent: "崂山区", groups: ["new-parks"], scale: 0.4, tags: ["tech", "industry"] },
  { name: "前湾港区", aliases: ["前湾港区", "青岛港前湾港区", "前湾集装箱港区"], parent: "青岛西海岸新区", groups: ["new-parks"], scale: 1.2, tags: ["port", "logistics"] },
  { name: "王台新动能产业基地", aliases: ["王台新动能产业基地", "王台产业基地", "王台新动能基地"], parent: "青岛经济技术开发区", groups: ["new-parks"], scale: 0.3, tags: ["industry"] },
  { name: "通济新经济区", aliases: ["通济新经济区", "即墨通济新经济区", "通济新区"], parent: "即墨区", groups: ["provincial-parks"], scale: 0.6, tags: ["finance", "tech", "trade"] },
  { name: "大沽河生态旅游区", aliases: ["大沽河生态旅游区", "大沽河旅游区", "大沽河生态区"], parent: "胶州市", groups: ["new-parks"], scale: 0.3, tags: ["tourism", "agri"] },
  { name: "青岛国际职教城", aliases: ["青岛国际职教城", "西海岸国际职教城", "国际职教城"], parent: "青岛西海岸新区", groups: ["new-parks"], scale: 0.3, tags: ["tech"] },
];
