#!/usr/bin/env node
// archive-b: an independent synthetic news archive about Chinese development zones,
// with questions (JSONL) whose answers are stated in exactly one article.
// Written without reading the bot's code or any other generator.
//
// usage: node eval/generators/archive-b.mjs OUTDIR [--articles 10000] [--questions 300] [--seed 7]
//
// Node 20, ESM, no dependencies. Deterministic: same seed and counts -> byte-identical output.

import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

// ───────────────────────────── arguments ─────────────────────────────
const argv = process.argv.slice(2);
let OUT = null;
let N_ART = 10000;
let N_Q = 300;
let SEED = 7;
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--articles') N_ART = Number(argv[++i]);
  else if (a === '--questions') N_Q = Number(argv[++i]);
  else if (a === '--seed') SEED = Number(argv[++i]);
  else if (!a.startsWith('--') && OUT === null) OUT = a;
  else {
    console.error(`unknown argument ${a}`);
    process.exit(2);
  }
}
if (!OUT || !Number.isFinite(N_ART) || !Number.isFinite(N_Q) || !Number.isFinite(SEED) || N_ART < 1) {
  console.error('usage: node archive-b.mjs OUTDIR [--articles 10000] [--questions 300] [--seed 7]');
  process.exit(2);
}
const T0 = process.hrtime.bigint();

// ───────────────────────────── PRNG ─────────────────────────────
function cyrb128(str) {
  let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762;
  for (let i = 0, k; i < str.length; i++) {
    k = str.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  return [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0];
}
class Rng {
  constructor(seedStr) {
    let [a, b, c, d] = cyrb128(String(seedStr));
    this.f = () => {
      a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
      let t = (a + b) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (c << 21) | (c >>> 11);
      d = (d + 1) | 0;
      t = (t + d) | 0;
      c = (c + t) | 0;
      return (t >>> 0) / 4294967296;
    };
    for (let i = 0; i < 15; i++) this.f();
  }
  next() { return this.f(); }
  int(a, b) { return a + Math.floor(this.f() * (b - a + 1)); }
  pick(arr) { return arr[Math.floor(this.f() * arr.length)]; }
  chance(p) { return this.f() < p; }
  normal() {
    const u = Math.max(this.f(), 1e-12), v = this.f();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
  weighted(pairs) { // [[item, weight], ...]
    let tot = 0;
    for (const [, w] of pairs) tot += w;
    let x = this.f() * tot;
    for (const [it, w] of pairs) { x -= w; if (x < 0) return it; }
    return pairs[pairs.length - 1][0];
  }
  shuffle(arr) {
    for (let i = arr.length - 1; i > 0; i--) {
      const j = Math.floor(this.f() * (i + 1));
      [arr[i], arr[j]] = [arr[j], arr[i]];
    }
    return arr;
  }
  sample(arr, k) { return this.shuffle(arr.slice()).slice(0, k); }
}
const keyRng = (k) => new Rng(`${SEED}#${k}`);

// ───────────────────────────── cities & zones ─────────────────────────────
const CITIES = {
  青岛: { outlets: ['青岛日报', '青岛早报', '半岛都市报', '大众日报'], site: '青岛新闻网' },
  武汉: { outlets: ['长江日报', '湖北日报', '楚天都市报'], site: '长江网' },
  上海: { outlets: ['解放日报', '文汇报', '新民晚报'], site: '上观新闻' },
  苏州: { outlets: ['苏州日报', '姑苏晚报'], site: '名城苏州网' },
  天津: { outlets: ['天津日报', '今晚报'], site: '北方网' },
  广州: { outlets: ['广州日报', '南方日报', '羊城晚报'], site: '大洋网' },
  深圳: { outlets: ['深圳特区报', '深圳商报'], site: '深圳新闻网' },
  成都: { outlets: ['成都日报', '四川日报', '华西都市报'], site: '成都全搜索' },
  西安: { outlets: ['西安日报', '陕西日报', '华商报'], site: '西安新闻网' },
  合肥: { outlets: ['合肥日报', '安徽日报', '新安晚报'], site: '合肥在线' },
  郑州: { outlets: ['郑州日报', '河南日报', '大河报'], site: '中原网' },
  长沙: { outlets: ['长沙晚报', '湖南日报'], site: '星辰在线' },
  南京: { outlets: ['南京日报', '新华日报', '扬子晚报'], site: '南报网' },
  杭州: { outlets: ['杭州日报', '浙江日报', '钱江晚报'], site: '杭州网' },
  宁波: { outlets: ['宁波日报', '浙江日报'], site: '中国宁波网' },
  厦门: { outlets: ['厦门日报', '福建日报'], site: '厦门网' },
  大连: { outlets: ['大连日报', '辽宁日报'], site: '大连新闻网' },
  烟台: { outlets: ['烟台日报', '大众日报'], site: '胶东在线' },
  济南: { outlets: ['济南日报', '大众日报', '齐鲁晚报'], site: '舜网' },
  重庆: { outlets: ['重庆日报', '重庆晨报'], site: '华龙网' },
  沈阳: { outlets: ['沈阳日报', '辽宁日报'], site: '沈阳网' },
  哈尔滨: { outlets: ['哈尔滨日报', '黑龙江日报'], site: '哈尔滨新闻网' },
  昆明: { outlets: ['昆明日报', '云南日报'], site: '掌上春城' },
  南宁: { outlets: ['南宁日报', '广西日报'], site: '南宁新闻网' },
  长春: { outlets: ['长春日报', '吉林日报'], site: '长春新闻网' },
};
const NATIONAL_OUTLETS = ['经济日报', '中国开发区网', '人民网', '新华网', '中国经济导报'];

// type: kfq 经开区 | gxq 高新区 | xq 新区 | zbq 综保区 | ftz 自贸片区 | yq 工业园区
const ZONE_ROWS = [
  ['青岛', '青岛西海岸新区', ['西海岸新区', '西海岸'], 'xq', 1, 4500],
  ['青岛', '青岛经济技术开发区', ['青岛经开区', '黄岛开发区'], 'kfq', 1, 2200],
  ['青岛', '青岛高新技术产业开发区', ['青岛高新区', '红岛高新区'], 'gxq', 0, 600],
  ['青岛', '即墨经济开发区', ['即墨经开区', '即墨开发区'], 'kfq', 0, 400],
  ['青岛', '胶州经济技术开发区', ['胶州经开区', '胶州开发区'], 'kfq', 0, 350],
  ['青岛', '平度经济开发区', ['平度开发区'], 'kfq', 0, 200],
  ['青岛', '莱西经济开发区', ['莱西开发区'], 'kfq', 0, 180],
  ['青岛', '中国（山东）自由贸易试验区青岛片区', ['青岛自贸片区'], 'ftz', 1, 500],
  ['青岛', '青岛前湾综合保税区', ['前湾综保区'], 'zbq', 1, 150],
  ['武汉', '武汉经济技术开发区', ['武汉经开区', '沌口'], 'kfq', 0, 2000],
  ['武汉', '东湖新技术开发区', ['东湖高新区', '光谷'], 'gxq', 0, 2800],
  ['武汉', '武汉临空港经济技术开发区', ['临空港经开区', '武汉临空港'], 'kfq', 0, 900],
  ['上海', '上海漕河泾新兴技术开发区', ['漕河泾开发区', '漕河泾'], 'kfq', 0, 1200],
  ['上海', '上海张江高新技术产业开发区', ['张江高新区', '张江'], 'gxq', 0, 3000],
  ['上海', '中国（上海）自由贸易试验区临港新片区', ['临港新片区', '临港'], 'ftz', 1, 2500],
  ['苏州', '苏州工业园区', ['苏州园区', '苏工园'], 'yq', 0, 3500],
  ['苏州', '苏州高新技术产业开发区', ['苏州高新区', '苏州新区'], 'gxq', 0, 1600],
  ['苏州', '昆山经济技术开发区', ['昆山开发区', '昆山经开区'], 'kfq', 0, 1500],
  ['天津', '天津经济技术开发区', ['天津开发区', '泰达'], 'kfq', 0, 3000],
  ['天津', '天津滨海高新技术产业开发区', ['天津滨海高新区', '滨海高新区'], 'gxq', 0, 1100],
  ['天津', '天津港保税区', ['天津保税区'], 'zbq', 1, 1300],
  ['广州', '广州经济技术开发区', ['广州开发区', '黄埔'], 'kfq', 1, 4000],
  ['广州', '广州南沙经济技术开发区', ['南沙开发区', '南沙经开区'], 'kfq', 1, 2000],
  ['深圳', '深圳高新技术产业园区', ['深圳高新区'], 'gxq', 0, 4200],
  ['深圳', '前海深港现代服务业合作区', ['前海合作区', '前海'], 'xq', 1, 2500, ['合作区', '该区', '前海']],
  ['成都', '成都高新技术产业开发区', ['成都高新区'], 'gxq', 0, 3000],
  ['成都', '成都经济技术开发区', ['成都经开区', '龙泉驿'], 'kfq', 0, 1300],
  ['成都', '四川天府新区', ['天府新区'], 'xq', 0, 4000],
  ['西安', '西安高新技术产业开发区', ['西安高新区'], 'gxq', 0, 2500],
  ['西安', '西安经济技术开发区', ['西安经开区'], 'kfq', 0, 1200],
  ['西安', '陕西西咸新区', ['西咸新区'], 'xq', 0, 700],
  ['合肥', '合肥高新技术产业开发区', ['合肥高新区'], 'gxq', 0, 1500],
  ['合肥', '合肥经济技术开发区', ['合肥经开区'], 'kfq', 0, 1000],
  ['合肥', '合肥新站高新技术产业开发区', ['新站高新区'], 'gxq', 0, 700],
  ['郑州', '郑州经济技术开发区', ['郑州经开区'], 'kfq', 0, 800],
  ['郑州', '郑州航空港经济综合实验区', ['郑州航空港区', '航空港区'], 'xq', 0, 1300, ['航空港区', '该区', '全区']],
  ['郑州', '郑州高新技术产业开发区', ['郑州高新区'], 'gxq', 0, 600],
  ['长沙', '长沙经济技术开发区', ['长沙经开区', '星沙'], 'kfq', 0, 1400],
  ['长沙', '湖南湘江新区', ['湘江新区'], 'xq', 0, 4000],
  ['南京', '南京经济技术开发区', ['南京经开区'], 'kfq', 0, 1300],
  ['南京', '南京江北新区', ['江北新区'], 'xq', 0, 3000],
  ['南京', '南京高新技术产业开发区', ['南京高新区'], 'gxq', 0, 900],
  ['杭州', '杭州经济技术开发区', ['杭州经开区', '下沙'], 'kfq', 0, 1000],
  ['杭州', '杭州高新技术产业开发区', ['杭州高新区', '滨江高新区'], 'gxq', 0, 2000],
  ['宁波', '宁波经济技术开发区', ['宁波开发区', '北仑开发区'], 'kfq', 1, 2500],
  ['宁波', '宁波梅山综合保税区', ['梅山综保区'], 'zbq', 1, 200],
  ['厦门', '厦门火炬高技术产业开发区', ['厦门火炬高新区', '火炬高新区'], 'gxq', 0, 1200],
  ['厦门', '厦门海沧台商投资区', ['海沧投资区', '海沧'], 'kfq', 1, 1000, ['投资区', '该区', '全区']],
  ['大连', '大连经济技术开发区', ['大连开发区', '大连经开区'], 'kfq', 1, 1500],
  ['大连', '大连金普新区', ['金普新区'], 'xq', 1, 2500],
  ['烟台', '烟台经济技术开发区', ['烟台开发区', '烟台经开区'], 'kfq', 1, 1100],
  ['烟台', '烟台高新技术产业开发区', ['烟台高新区'], 'gxq', 0, 300],
  ['济南', '济南高新技术产业开发区', ['济南高新区'], 'gxq', 0, 2000],
  ['济南', '济南新旧动能转换起步区', ['济南起步区'], 'xq', 0, 300, ['起步区', '该区']],
  ['重庆', '重庆两江新区', ['两江新区'], 'xq', 0, 4000],
  ['重庆', '重庆经济技术开发区', ['重庆经开区'], 'kfq', 0, 700],
  ['沈阳', '沈阳经济技术开发区', ['沈阳经开区'], 'kfq', 0, 900],
  ['沈阳', '沈抚改革创新示范区', ['沈抚示范区'], 'xq', 0, 200, ['示范区', '该区']],
  ['哈尔滨', '哈尔滨新区', ['哈新区'], 'xq', 0, 900],
  ['昆明', '昆明经济技术开发区', ['昆明经开区'], 'kfq', 0, 600],
  ['南宁', '中国（广西）自由贸易试验区南宁片区', ['南宁片区', '广西自贸区南宁片区'], 'ftz', 0, 300],
  ['长春', '吉林长春新区', ['长春新区'], 'xq', 0, 1300],
];
const TYPE_REFS = {
  kfq: ['开发区', '该区', '全区', '开发区'],
  gxq: ['高新区', '该区', '全区', '园区', '高新区'],
  xq: ['新区', '全区', '该区', '新区'],
  zbq: ['综保区', '该综保区', '区内'],
  ftz: ['片区', '该片区', '自贸片区'],
  yq: ['园区', '该区', '全区'],
};
const ZONES = ZONE_ROWS.map(([city, full, shorts, type, port, scale, refs], i) => ({
  id: i, city, full, shorts, type, port: !!port, scale, refs: refs || TYPE_REFS[type],
}));
const ZONES_BY_CITY = {};
for (const z of ZONES) (ZONES_BY_CITY[z.city] ||= []).push(z);

// ───────────────────────────── metrics ─────────────────────────────
// cls: amt (amount, value+growth) | gonly (growth only) | cnt (count flow) | stock (count at year end)
//      | rate (a percentage level) | yuan (per-capita yuan)
// per: which cumulative periods exist: Q = 1-3/1-6/1-9 months, A = all 1-N months, '' = annual only
// tgt: v | g | vg | '' ; fyp: has a 14th five-year-plan (2025) target
const NOT_ZB = ['zbq', 'ftz'];
const METRICS = [
  { id: 'gdp', name: '地区生产总值', cls: 'amt', unit: '亿元', ratio: 1, g: [0.065, 0.025], per: 'Q', tgt: 'vg', fyp: 1, not: NOT_ZB, core: 1,
    art: ['地区生产总值', 'GDP', '地区生产总值', '经济总量'], q: ['GDP', '地区生产总值', '生产总值', '经济总量', 'GDP'], verbs: ['实现', '完成', '达到', ''] },
  { id: 'indva', name: '规模以上工业增加值', cls: 'gonly', g: [0.07, 0.045], per: 'A', tgt: 'g', not: ['zbq'], core: 1,
    art: ['规模以上工业增加值', '规上工业增加值'], q: ['规上工业增加值', '规上工业增加值', '工业增加值'] },
  { id: 'indout', name: '规模以上工业总产值', cls: 'amt', unit: '亿元', ratio: 1.5, g: [0.06, 0.05], per: 'A', tgt: 'v', fyp: 1, not: ['zbq'],
    art: ['规模以上工业总产值', '规上工业总产值', '规上工业产值'], q: ['规上工业总产值', '规上工业产值', '工业总产值'], verbs: ['实现', '完成', ''] },
  { id: 'rev', name: '一般公共预算收入', cls: 'amt', unit: '亿元', ratio: 0.075, g: [0.05, 0.05], per: 'A', tgt: 'vg', fyp: 1, core: 1,
    art: ['一般公共预算收入', '一般公共预算收入', '地方一般公共预算收入'], q: ['一般公共预算收入', '公共预算收入', '一般预算收入'], verbs: ['完成', '实现', ''] },
  { id: 'tax', name: '税收收入', cls: 'amt', unit: '亿元', ratio: 0.06, g: [0.045, 0.06], per: 'A', tgt: '',
    art: ['税收收入', '税收收入'], q: ['税收收入', '税收'], verbs: ['完成', '实现', ''] },
  { id: 'fai', name: '固定资产投资', cls: 'amt', unit: '亿元', ratio: 0.45, g: [0.08, 0.07], per: 'A', tgt: 'g', core: 1,
    art: ['固定资产投资', '全社会固定资产投资'], q: ['固定资产投资', '固投', '固定资产投资'], verbs: ['完成', ''] },
  { id: 'indinv', name: '工业投资', cls: 'gonly', g: [0.1, 0.08], per: 'A', tgt: 'g', not: ['zbq'],
    art: ['工业投资', '工业投资'], q: ['工业投资'] },
  { id: 'fdi', name: '实际使用外资', cls: 'amt', unit: '亿美元', ratio: 0.004, g: [0.05, 0.15], per: 'A', tgt: 'v', core: 1,
    art: ['实际使用外资', '实际利用外资', '实际使用外资'], q: ['实际使用外资', '外资', '利用外资', '实际利用外资'], verbs: ['', '达到', '完成'] },
  { id: 'trade', name: '外贸进出口总额', cls: 'amt', unit: '亿元', ratio: 0.5, g: [0.06, 0.1], per: 'A', tgt: 'vg', fyp: 1, core: 1,
    art: ['外贸进出口总额', '进出口总额', '外贸进出口'], q: ['外贸进出口', '进出口总额', '进出口', '外贸进出口额'], verbs: ['实现', '完成', '达到', ''] },
  { id: 'export', name: '出口总额', cls: 'amt', unit: '亿元', ratio: 0.3, g: [0.06, 0.11], per: 'A', tgt: '',
    art: ['出口总额', '出口额', '出口'], q: ['出口', '出口额', '出口总额'], verbs: ['实现', ''] },
  { id: 'retail', name: '社会消费品零售总额', cls: 'amt', unit: '亿元', ratio: 0.22, g: [0.06, 0.04], per: 'A', tgt: 'g', not: NOT_ZB,
    art: ['社会消费品零售总额', '社会消费品零售总额', '社零额'], q: ['社零', '社会消费品零售总额', '社零总额'], verbs: ['实现', '完成', ''] },
  { id: 'signed', name: '新签约项目', cls: 'cnt', unit: '个', cbase: 70, g: [0.05, 0.18], per: 'A', tgt: 'v',
    art: ['新签约项目', '新签约项目', '签约项目'], q: ['新签约项目', '签约项目'], verbs: ['', '累计', '共'] },
  { id: 'signinv', name: '签约项目总投资', cls: 'amt', unit: '亿元', ratio: 0.28, g: [0.05, 0.18], per: 'A', tgt: 'v',
    art: ['签约项目总投资', '新签约项目总投资', '签约项目总投资额'], q: ['签约项目总投资', '签约总投资', '签约项目投资额'], verbs: ['', '达到', '达'] },
  { id: 'bigproj', name: '过亿元项目', cls: 'cnt', unit: '个', cbase: 30, g: [0.05, 0.2], per: 'A', tgt: 'v',
    art: ['过亿元项目', '亿元以上项目', '总投资过亿元项目'], q: ['过亿元项目', '亿元以上项目', '过亿项目'], verbs: ['引进', '新引进', '落地', '新签约'] },
  { id: 'hte', name: '高新技术企业', cls: 'stock', unit: '家', cbase: 380, g: [0.12, 0.06], per: '', tgt: 'v', fyp: 1, core: 1,
    art: ['高新技术企业', '国家高新技术企业', '高新技术企业'], q: ['高新技术企业', '高企', '国家高新技术企业'] },
  { id: 'htenew', name: '新认定高新技术企业', cls: 'cnt', unit: '家', cbase: 70, g: [0.08, 0.2], per: '', tgt: 'v',
    art: ['新认定高新技术企业', '新增高新技术企业'], q: ['新增高企', '新认定高新技术企业', '新增高新技术企业'], verbs: [''] },
  { id: 'srdi', name: '专精特新企业', cls: 'stock', unit: '家', cbase: 70, g: [0.18, 0.08], per: '', tgt: 'v', fyp: 1,
    art: ['省级以上专精特新中小企业', '专精特新企业', '省级以上专精特新企业'], q: ['专精特新企业', '专精特新', '专精特新中小企业'] },
  { id: 'rd', name: '研发投入强度', cls: 'rate', base: [2.0, 6.5], drift: [0.05, 0.3], per: '', tgt: 'v', fyp: 1, not: NOT_ZB,
    art: ['研发投入强度', 'R&D经费投入强度', '全社会研发投入强度'], q: ['研发投入强度', '研发强度', 'R&D投入强度'] },
  { id: 'htshare', name: '高新技术产业产值占比', cls: 'rate', base: [38, 72], drift: [0.2, 1.5], per: '', tgt: 'v', not: NOT_ZB,
    art: ['高新技术产业产值占规上工业总产值比重', '高新技术产业产值占比'], q: ['高新技术产业产值占比', '高新产值占比', '高新技术产业占比'] },
  { id: 'teu', name: '集装箱吞吐量', cls: 'amt', unit: '万标箱', ratio: 0.22, g: [0.05, 0.05], per: 'A', tgt: 'v', port: 1,
    art: ['集装箱吞吐量', '港口集装箱吞吐量'], q: ['集装箱吞吐量', '集装箱量', '集装箱吞吐'], verbs: ['完成', '达到', ''] },
  { id: 'cargo', name: '货物吞吐量', cls: 'amt', unit: '亿吨', ratio: 0.0009, g: [0.035, 0.04], per: 'A', tgt: 'v', port: 1,
    art: ['货物吞吐量', '港口货物吞吐量'], q: ['货物吞吐量', '港口货物吞吐量', '货物吞吐'], verbs: ['完成', '达到', ''] },
  { id: 'entities', name: '新增市场主体', cls: 'cnt', unit: '户', big: '万户', cbase: 9000, g: [0.06, 0.12], per: 'A', tgt: 'v',
    art: ['新增市场主体', '新登记市场主体'], q: ['新增市场主体', '新登记市场主体', '新增市场主体数'], verbs: [''] },
  { id: 'fundin', name: '招商引资到位资金', cls: 'amt', unit: '亿元', ratio: 0.16, g: [0.07, 0.1], per: 'A', tgt: 'v',
    art: ['招商引资到位资金', '实际到位资金', '招商引资实际到位资金'], q: ['招商引资到位资金', '到位资金', '招商到位资金'], verbs: ['', '完成', '实现'] },
  { id: 'tech', name: '技术合同成交额', cls: 'amt', unit: '亿元', ratio: 0.03, g: [0.15, 0.12], per: 'A', tgt: 'v', not: NOT_ZB,
    art: ['技术合同成交额', '技术合同登记成交额'], q: ['技术合同成交额', '技术合同交易额'], verbs: ['', '达到', '实现'] },
  { id: 'patent', name: '有效发明专利', cls: 'stock', unit: '件', cbase: 3000, g: [0.13, 0.05], per: '', tgt: '', not: NOT_ZB,
    art: ['有效发明专利', '有效发明专利拥有量'], q: ['有效发明专利', '发明专利拥有量', '有效发明专利数'] },
  { id: 'income', name: '城镇居民人均可支配收入', cls: 'yuan', unit: '元', g: [0.055, 0.015], per: 'Q', tgt: 'g', not: NOT_ZB,
    art: ['城镇居民人均可支配收入', '城镇居民人均可支配收入'], q: ['城镇居民人均可支配收入', '城镇居民收入', '人均可支配收入'], verbs: ['', '达到'] },
  { id: 'newstart', name: '新开工项目', cls: 'cnt', unit: '个', cbase: 55, g: [0.04, 0.18], per: 'A', tgt: 'v', not: ['zbq'],
    art: ['新开工项目', '新开工重点项目'], q: ['新开工项目', '新开工项目数'], verbs: ['', '累计'] },
  { id: 'keyinv', name: '重点项目完成投资', cls: 'amt', unit: '亿元', ratio: 0.12, g: [0.08, 0.1], per: 'A', tgt: 'v',
    art: ['重点项目完成投资', '重点项目累计完成投资'], q: ['重点项目完成投资', '重点项目投资', '重点项目完成投资额'], verbs: [''] },
  { id: 'jobs', name: '城镇新增就业', cls: 'cnt', unit: '人', big: '万人', cbase: 14000, g: [0.03, 0.08], per: 'A', tgt: 'v', not: NOT_ZB,
    art: ['城镇新增就业', '新增城镇就业'], q: ['城镇新增就业', '新增就业', '新增城镇就业'], verbs: ['', '实现'] },
  { id: 'opinc', name: '规上企业营业收入', cls: 'amt', unit: '亿元', ratio: 2.2, g: [0.07, 0.07], per: 'A', tgt: 'v',
    art: ['规上企业营业收入', '规模以上企业营业收入'], q: ['规上企业营收', '规上企业营业收入', '规上营收'], verbs: ['实现', ''] },
  { id: 'xborder', name: '跨境电商交易额', cls: 'amt', unit: '亿元', ratio: 0.05, g: [0.25, 0.2], per: 'A', tgt: 'v', only: ['zbq', 'ftz', 'xq'],
    art: ['跨境电商交易额', '跨境电商进出口额'], q: ['跨境电商交易额', '跨境电商', '跨境电商进出口'], verbs: ['', '实现', '达到'] },
];
const MET = Object.fromEntries(METRICS.map((m) => [m.id, m]));
const EVENT_TYPES = {
  start: { word: '集中开工', cntName: '集中开工项目数', invName: '集中开工项目总投资' },
  sign: { word: '集中签约', cntName: '集中签约项目数', invName: '集中签约项目总投资' },
  prod: { word: '集中竣工投产', cntName: '集中竣工投产项目数', invName: '集中竣工投产项目总投资' },
};
for (const [t, e] of Object.entries(EVENT_TYPES)) {
  MET[`ev_${t}_n`] = { id: `ev_${t}_n`, name: e.cntName, cls: 'event', unit: '个', ev: t };
  MET[`ev_${t}_inv`] = { id: `ev_${t}_inv`, name: e.invName, cls: 'event', unit: '亿元', ev: t };
}

function zoneMetrics(z) {
  const out = [];
  for (const m of METRICS) {
    if (m.port && !z.port) continue;
    if (m.not && m.not.includes(z.type)) continue;
    if (m.only && !m.only.includes(z.type)) continue;
    if (!m.core && !m.port && !keyRng(`zm|${z.id}|${m.id}`).chance(0.85)) continue;
    out.push(m);
  }
  return out;
}
for (const z of ZONES) z.metrics = zoneMetrics(z);

// ───────────────────────────── number formatting ─────────────────────────────
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025];
const trimZeros = (s) => (s.includes('.') ? s.replace(/\.?0+$/, '') : s);
function fmtAmount(v, unit, kr) {
  if (unit.startsWith('亿') && v < 1) {
    const w = Math.max(1, Math.round(v * 10000));
    return { disp: `${w}万${unit.slice(1)}`, num: String(w) };
  }
  let dec = v >= 1000 ? (kr.chance(0.5) ? 0 : 1) : v >= 10 ? 1 : 2;
  if (unit === '亿吨') dec = 2;
  const s = trimZeros(v.toFixed(dec));
  return { disp: s + unit, num: s };
}
function fmtCount(n, m) {
  n = Math.max(1, Math.round(n));
  if (m.big && n >= 10000) {
    const s = trimZeros((n / 10000).toFixed(2));
    return { disp: s + m.big, num: s };
  }
  return { disp: n + m.unit, num: String(n) };
}
function fmtPct(g, kr) {
  let a = Math.abs(g * 100);
  if (a < 0.1) a = 0.1 + kr.next() * 0.5;
  let s = a.toFixed(1);
  if (s.endsWith('.0') && kr.chance(0.6)) s = s.slice(0, -2);
  return { disp: `${s}%`, num: s, neg: g < 0 };
}
function niceRound(v) {
  const step = v >= 2000 ? 100 : v >= 1000 ? 50 : v >= 100 ? 10 : v >= 10 ? 1 : v >= 1 ? 0.1 : 0.01;
  const r = Math.round(v / step) * step;
  return Number(r.toFixed(2));
}
function niceCount(v) {
  const step = v >= 10000 ? 1000 : v >= 1000 ? 100 : v >= 200 ? 50 : v >= 50 ? 10 : 5;
  return Math.max(step, Math.round(v / step) * step);
}
const CN_TENS = ['', '十', '二十', '三十', '四十', '五十', '六十', '七十', '八十', '九十'];

// ───────────────────────────── the fact universe ─────────────────────────────
const seriesCache = new Map();
function series(z, m) {
  const ck = `${z.id}|${m.id}`;
  if (seriesCache.has(ck)) return seriesCache.get(ck);
  const kr = keyRng(`series|${ck}`);
  const v = {}, g = {};
  const covidHit = (y) => (y === 2020 ? -0.045 + 0.02 * kr.normal() : y === 2022 ? -0.01 : 0);
  if (m.cls === 'amt' || m.cls === 'gonly' || m.cls === 'yuan') {
    let cur = m.cls === 'yuan' ? 32000 + 30000 * kr.next() : z.scale * (m.ratio || 1) * Math.exp(0.3 * kr.normal());
    v[2018] = cur;
    for (let y = 2019; y <= 2026; y++) {
      let gr = m.g[0] + m.g[1] * kr.normal() + covidHit(y);
      gr = Math.max(-0.25, Math.min(0.6, gr));
      cur *= 1 + gr;
      v[y] = cur;
      g[y] = gr;
    }
  } else if (m.cls === 'cnt') {
    const base = m.cbase * Math.sqrt(z.scale / 1000) * Math.exp(0.3 * kr.normal());
    v[2018] = Math.max(3, Math.round(base));
    for (let y = 2019; y <= 2026; y++) {
      let gr = m.g[0] + m.g[1] * kr.normal() + covidHit(y);
      gr = Math.max(-0.35, Math.min(0.8, gr));
      v[y] = Math.max(3, Math.round(v[y - 1] * (1 + gr)));
      g[y] = v[y] / v[y - 1] - 1;
    }
  } else if (m.cls === 'stock') {
    v[2018] = Math.max(5, Math.round(m.cbase * (z.scale / 1000) ** 0.7 * Math.exp(0.3 * kr.normal())));
    for (let y = 2019; y <= 2026; y++) {
      const gr = Math.max(0.01, m.g[0] + m.g[1] * kr.normal());
      v[y] = v[y - 1] + Math.max(1, Math.round(v[y - 1] * gr));
    }
  } else if (m.cls === 'rate') {
    v[2018] = m.base[0] + (m.base[1] - m.base[0]) * kr.next();
    for (let y = 2019; y <= 2026; y++) v[y] = v[y - 1] + m.drift[0] + (m.drift[1] - m.drift[0]) * kr.next();
  }
  const s = { v, g };
  seriesCache.set(ck, s);
  return s;
}
function periodMonths(p) { return p === 'Y' ? 12 : Number(p.slice(1)); }
function validPeriods(m) {
  if (m.per === 'Q') return ['M3', 'M6', 'M9'];
  if (m.per === 'A') return ['M3', 'M4', 'M5', 'M6', 'M7', 'M8', 'M9', 'M10', 'M11'];
  return [];
}
function fmtValue(m, v, kr) {
  if (m.cls === 'amt') return fmtAmount(v, m.unit, kr);
  if (m.cls === 'cnt' || m.cls === 'stock') return fmtCount(v, m);
  if (m.cls === 'rate') { const s = trimZeros(v.toFixed(1)); return { disp: `${s}%`, num: s }; }
  if (m.cls === 'yuan') { const s = String(Math.round(v)); return { disp: `${s}元`, num: s }; }
  return null;
}
const factCache = new Map();
function resultFact(z, m, y, p) {
  const ck = `res|${z.id}|${m.id}|${y}|${p}`;
  if (factCache.has(ck)) return factCache.get(ck);
  const kr = keyRng(ck);
  const s = series(z, m);
  let v = null, g = null;
  if (p === 'Y') {
    v = m.cls === 'gonly' ? null : s.v[y];
    g = m.cls === 'stock' || m.cls === 'rate' ? null : s.g[y];
  } else {
    const N = periodMonths(p);
    const share = (N / 12) * (1 + 0.07 * kr.normal());
    v = m.cls === 'gonly' ? null : s.v[y] * share;
    g = s.g[y] + 0.02 * kr.normal();
  }
  const f = { v: v == null ? null : fmtValue(m, v, kr), g: g == null ? null : fmtPct(g, kr) };
  factCache.set(ck, f);
  return f;
}
function targetFact(z, m, y) {
  const ck = `tgt|${z.id}|${m.id}|${y}`;
  if (factCache.has(ck)) return factCache.get(ck);
  const kr = keyRng(ck);
  const s = series(z, m);
  const gMean = m.g ? m.g[0] * 100 : 5;
  const tg = Math.max(2, Math.round((gMean + 1.2 * kr.normal()) * 2) / 2);
  let v = null, g = null;
  if (m.tgt.includes('v')) {
    if (m.cls === 'amt') v = fmtAmount(niceRound(s.v[y - 1] * (1 + tg / 100 + 0.02 * kr.normal())), m.unit, kr);
    else if (m.cls === 'cnt' || m.cls === 'stock') v = fmtCount(niceCount(s.v[y] * (1 + 0.06 * kr.normal())), m);
    else if (m.cls === 'rate') { const t = s.v[y - 1] + 0.1 + 0.4 * kr.next(); v = { disp: `${trimZeros(t.toFixed(1))}%`, num: trimZeros(t.toFixed(1)) }; }
  }
  if (m.tgt.includes('g')) { const t = trimZeros(tg.toFixed(1)); g = { disp: `${t}%`, num: t, neg: false }; }
  const f = { v, g };
  factCache.set(ck, f);
  return f;
}
function fypFact(z, m) {
  const ck = `fyp|${z.id}|${m.id}`;
  if (factCache.has(ck)) return factCache.get(ck);
  const kr = keyRng(ck);
  const s = series(z, m);
  let v;
  if (m.cls === 'amt') v = fmtAmount(niceRound(s.v[2020] * (1 + m.g[0] + 0.012 * kr.normal()) ** 5), m.unit, kr);
  else if (m.cls === 'stock') v = fmtCount(niceCount(s.v[2020] * (1 + m.g[0] + 0.02 * kr.normal()) ** 5), m);
  else if (m.cls === 'rate') { const t = s.v[2020] + 0.5 + kr.next(); v = { disp: `${trimZeros(t.toFixed(1))}%`, num: trimZeros(t.toFixed(1)) }; }
  const f = { v, g: null };
  factCache.set(ck, f);
  return f;
}
function expectedFact(z, m, y) {
  const ck = `exp|${z.id}|${m.id}|${y}`;
  if (factCache.has(ck)) return factCache.get(ck);
  const kr = keyRng(ck);
  const s = series(z, m);
  const v = m.cls === 'amt' ? fmtAmount(s.v[y] * (1 + 0.015 * kr.normal()), m.unit, kr) : null;
  const g = m.cls === 'amt' || m.cls === 'gonly' ? fmtPct(s.g[y] + 0.005 * kr.normal(), kr) : null;
  const f = { v, g };
  factCache.set(ck, f);
  return f;
}
const eventCache = new Map();
function zoneEvents(z, y) {
  const ck = `${z.id}|${y}`;
  if (eventCache.has(ck)) return eventCache.get(ck);
  const out = [];
  for (let mo = 2; mo <= 12; mo++) {
    for (const [t, p] of [['start', 0.22], ['sign', 0.17], ['prod', 0.09]]) {
      const kr = keyRng(`ev|${z.id}|${y}|${mo}|${t}`);
      if (!kr.chance(p)) continue;
      const n = Math.max(3, Math.round((6 + 40 * kr.next()) * Math.sqrt(z.scale / 1000)));
      const inv = n * (1.5 + 9 * kr.next());
      out.push({ z, y, mo, t, day: kr.int(1, 28), n: { disp: `${n}个`, num: String(n) }, inv: fmtAmount(inv, '亿元', kr) });
    }
  }
  eventCache.set(ck, out);
  return out;
}

// ───────────────────────────── text helpers ─────────────────────────────
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红玲峰鑫宇浩凯健俊帆帅旭宁晨阳琳雪梅蕾颖倩婷慧莉晶斌亮成博鹏飞文辉力永昊然欣怡佳琪睿哲'.split('');
const personName = (r) => r.pick(SURNAMES) + r.pick(GIVEN) + (r.chance(0.6) ? r.pick(GIVEN) : '');
const WEEK = ['日', '一', '二', '三', '四', '五', '六'];
const daysIn = (y, m) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const weekday = (d) => WEEK[new Date(Date.UTC(d.y, d.m - 1, d.d)).getUTCDay()];
const iso = (d) => `${d.y}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}`;
const cnDate = (d) => `${d.y}年${d.m}月${d.d}日`;
function addDays(d, n) {
  const t = new Date(Date.UTC(d.y, d.m - 1, d.d + n));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}
function periodWordArt(r, p) {
  if (p === 'M3') return r.pick(['一季度', '第一季度', '1—3月', '1-3月']);
  if (p === 'M6') return r.pick(['上半年', '上半年', '1—6月', '1-6月']);
  if (p === 'M9') return r.pick(['前三季度', '前三季度', '1—9月', '1-9月']);
  const n = periodMonths(p);
  return r.pick([`1—${n}月`, `1-${n}月`, `1至${n}月`, `前${n}个月`]);
}
function periodWordQ(r, p) {
  if (p === 'Y') return '';
  if (p === 'M3') return r.pick(['一季度', '1-3月', '第一季度', '一季度']);
  if (p === 'M6') return r.pick(['上半年', '1-6月', '上半年']);
  if (p === 'M9') return r.pick(['前三季度', '1-9月', '前三季度']);
  const n = periodMonths(p);
  return r.pick([`1-${n}月`, `1到${n}月`, `前${n}个月`, `1-${n}月`]);
}
function periodWordAns(p) {
  if (p === 'Y') return '全年';
  if (p === 'M3') return '一季度';
  if (p === 'M6') return '上半年';
  if (p === 'M9') return '前三季度';
  return `1—${periodMonths(p)}月`;
}
// a year as seen from an article's publication date
function yearWord(a, y, allowYearOnly = true) {
  const r = a.rng;
  if (a.relOK) {
    if (a.pub.y === y + 1) return r.pick(['去年', '过去一年', '去年', `${y}年`]);
    if (a.pub.y === y) return r.pick(['今年', '今年', `${y}年`]);
    if (a.pub.y === y - 1) return r.pick(['明年', `${y}年`]);
  }
  return allowYearOnly ? `${y}年` : `${y}年`;
}

const FILLERS = [
  '{R}坚持把发展经济的着力点放在实体经济上，持续推动产业转型升级。',
  '{R}相关负责人表示，下一步将继续优化营商环境，全力服务企业发展。',
  '在新能源汽车、集成电路、生物医药等领域，一批龙头项目加快落地。',
  '据介绍，{R}将进一步完善基础设施配套，提升园区承载能力。',
  '“项目是发展的生命线。”{R}经济发展局负责人说。',
  '{R}深化“放管服”改革，企业开办实现“一网通办”。',
  '围绕主导产业，{R}绘制产业链图谱，开展精准招商。',
  '记者在现场看到，厂房内机器轰鸣，工人们正在紧张有序地作业。',
  '{R}持续推进“亩均论英雄”改革，盘活低效用地。',
  '与此同时，{R}加大人才引进力度，出台一系列人才新政。',
  '科技创新平台建设提速，多个省级重点实验室挂牌运行。',
  '{R}还积极推动数字经济与实体经济深度融合。',
  '一批外资企业增资扩产，显示出对{R}发展前景的信心。',
  '下一步，{R}将聚焦主责主业，全力以赴拼经济、抓项目、促发展。',
  '{R}主要负责人介绍，园区将坚持“项目为王”，以大项目带动大发展。',
  '从产业结构看，先进制造业和现代服务业双轮驱动的格局逐步形成。',
  '{R}持续开展“企业服务月”活动，帮助企业解决融资、用工等难题。',
  '业内人士分析，这得益于{R}近年来持续优化产业布局。',
  '港产城融合发展步伐加快，对外开放水平持续提升。',
  '{R}表示，将以更大力度推进改革创新，加快建设现代化产业体系。',
];
const NOISE = [
  () => '{R}累计开展“企业服务日”活动{a}场，帮助企业协调解决问题{b}项。',
  () => '全年举办各类招商推介活动{a}场。',
  () => '新建改建道路{a}公里，新增绿地{b}万平方米。',
  () => '举办专场招聘会{a}场，提供就业岗位{b}余个。',
  () => '累计为企业兑现各类扶持资金{a}余项。',
];
const INTRO_TAIL = [
  '坚持稳中求进工作总基调，经济运行总体平稳、稳中有进',
  '主要经济指标保持良好增长态势',
  '经济运行呈现回升向好、稳中提质的良好态势',
  '多项指标增速位居全市前列',
  '聚焦高质量发展，主要指标实现稳步增长',
  '统筹推进稳增长、调结构、促改革，发展质效持续提升',
];
const PLAN_GOALS = [
  '锚定高质量发展目标，全力拼经济、抓项目',
  '坚持项目为王，持续扩大有效投资',
  '聚焦主导产业，加快建设现代化产业体系',
  '深化改革开放，全面提升综合竞争力',
];
function fillTpl(s, a, z) {
  return s.replace(/\{R\}/g, () => a.rng.pick(z.refs))
    .replace(/\{a\}/g, () => String(a.rng.int(12, 360)))
    .replace(/\{b\}/g, () => String(a.rng.int(40, 2600)));
}

// ───────────────────────────── article model ─────────────────────────────
const MENTIONS = []; // all registered facts
class Article {
  constructor(idx, rng) {
    this.idx = idx;
    this.rng = rng;
    this.blocks = [];
    this.seen = new Set();
    this.titleOnly = false;
    this.relOK = true;
    this.zones = [];
  }
  // first body mention of a zone is its full name, then anaphora
  zref(z, preferShort = false) {
    if (!this.seen.has(z.id)) {
      this.seen.add(z.id);
      if (this.titleOnly) return this.rng.pick(z.refs);
      return preferShort && this.rng.chance(0.3) ? this.rng.pick(z.shorts) : z.full;
    }
    return this.rng.pick(z.refs);
  }
  mention(z, m, y, p, kind, meas, fv, extra = {}) {
    MENTIONS.push({ art: this.idx, z: z.id, m: m.id, y, p, kind, meas, disp: fv.disp, num: fv.num, askable: extra.askable !== false, approx: !!extra.approx, cell: !!extra.cell });
  }
  p(s) { this.blocks.push({ t: 'p', s }); }
  h(s) { this.blocks.push({ t: 'h', s }); }
  ul(items) { this.blocks.push({ t: 'ul', items }); }
}

function growthPhrase(r, gv, annual) {
  if (gv.neg) return r.pick(['同比下降', '下降', annual ? '比上年下降' : '同比下降']) + gv.disp;
  return r.pick(['同比增长', '增长', annual ? '比上年增长' : '同比增长', '同比增长']) + gv.disp;
}

// a sentence stating results (kind=result) for one metric
function resultSentence(a, z, m, y, p, opt = {}) {
  const r = a.rng;
  const f = resultFact(z, m, y, p);
  const A = r.pick(m.art);
  let useV = !!f.v, useG = !!f.g;
  if (useV && useG) { const x = r.next(); if (x < 0.25) useG = false; else if (x < 0.37) useV = false; }
  if (opt.vOnly && f.v) { useV = true; useG = false; }
  const annual = p === 'Y';
  let V = null;
  if (useV) {
    V = f.v.disp;
    // approximate phrasings
    if (m.cls === 'amt' && r.chance(0.07)) {
      const val = Number(f.v.num);
      if (!f.v.disp.includes('万') && val >= 20) {
        const step = val >= 1000 ? 100 : val >= 200 ? 50 : 10;
        const fl = Math.floor(val / step) * step;
        if (fl > 0 && fl !== val) {
          const fv = { disp: fl + m.unit, num: String(fl) };
          a.mention(z, m, y, p, 'result', 'v', fv, { approx: true });
          const q = r.pick(['突破', '超过', '逾', '超']);
          return `${A}${q}${fv.disp}` + (useG ? `，${growthPhrase(r, f.g, annual)}` : '');
        }
      }
    }
    if ((m.cls === 'stock' || m.cls === 'cnt') && !m.big && r.chance(0.12)) {
      const n = Number(f.v.num);
      if (n >= 11 && n <= 99 && n % 10 !== 0) {
        const cn = n >= 95 ? `近百${m.unit}` : `${CN_TENS[Math.floor(n / 10)]}余${m.unit}`;
        a.mention(z, m, y, p, 'result', 'v', { disp: cn, num: cn }, { askable: false });
        return m.cls === 'stock' ? `${A}${r.pick(['达到', '已有', '增至'])}${cn}` : `${r.pick(m.verbs)}${A}${cn}`;
      }
    }
    a.mention(z, m, y, p, 'result', 'v', f.v);
  }
  if (useG) a.mention(z, m, y, p, 'result', 'g', f.g);
  const G = useG ? growthPhrase(r, f.g, annual) : '';
  if (m.cls === 'stock') {
    return r.pick([`${A}总数达到${V}`, `累计拥有${A}${V}`, `${A}增至${V}`, `${A}数量达${V}`]);
  }
  if (m.cls === 'rate') {
    return r.pick([`${A}达到${V}`, `${A}提升至${V}`, `${A}为${V}`]);
  }
  if (useV && useG) {
    const verb = r.pick(m.verbs || ['实现', '']);
    return r.pick([
      `${A}${verb}${V}，${G}`,
      `${(m.verbs || []).some((x) => x === '实现' || x === '完成') ? r.pick(['实现', '完成']) : ''}${A}${V}，${G}`,
      `${A}${G}，总量达到${V}`,
      `${A}${V}，${G}`,
      `${A}${verb}${V}、${G}`,
    ]);
  }
  if (useV) {
    const verb = r.pick(m.verbs || ['实现', '']);
    const cum = p !== 'Y' && r.chance(0.3) ? '累计' : '';
    return r.pick([`${A}${cum}${verb}${V}`, `${A}为${V}`, `${verb === '达到' ? '' : verb}${A}${V}`, `${A}${cum}达${V}`]);
  }
  // growth only
  if (f.g.neg) return r.pick([`${A}${G}`, `${A}${G}，降幅较上季度收窄`]);
  return r.pick([
    `${A}${G}`,
    `${A}增速达到${f.g.disp}`,
    `${A}${G}，高于全市平均水平${r.int(1, 9)}.${r.int(1, 9)}个百分点`,
    `${A}增幅为${f.g.disp}`,
    `${A}${G}，增速保持在合理区间`,
  ]);
}

function targetSentence(a, z, m, y, opt = {}) {
  const r = a.rng;
  const f = targetFact(z, m, y);
  const A = r.pick(m.art);
  let useV = !!f.v, useG = !!f.g;
  if (useV && useG) { const x = r.next(); if (x < 0.25) useG = false; else if (x < 0.5) useV = false; }
  if (useV) a.mention(z, m, y, 'Y', 'target', 'v', f.v);
  if (useG) a.mention(z, m, y, 'Y', 'target', 'g', f.g);
  const V = useV ? f.v.disp : '', G = useG ? f.g.disp : '';
  if (useV && useG) return r.pick([`力争${A}达到${V}、增长${G}`, `${A}目标为${V}，增长${G}左右`, `确保${A}突破${V}，增速达到${G}以上`]);
  if (useV) {
    if (m.cls === 'stock') return r.pick([`${A}力争突破${V}`, `${A}总数目标为${V}`, `确保${A}达到${V}`]);
    return r.pick([`力争${A}达到${V}`, `${A}目标为${V}`, `${A}力争突破${V}`, `计划${A}完成${V}`, `确保${A}达到${V}`, `${A}预期目标是${V}`]);
  }
  return r.pick([`${A}增长${G}左右`, `${A}力争增长${G}`, `${A}预期增长${G}以上`, `确保${A}增速不低于${G}`, `${A}目标增速为${G}`]);
}

function fypSentence(a, z, m) {
  const r = a.rng;
  const f = fypFact(z, m);
  const A = r.pick(m.art);
  a.mention(z, m, 2025, 'Y', 'fyp', 'v', f.v);
  return r.pick([`${A}力争突破${f.v.disp}`, `${A}达到${f.v.disp}`, `${A}目标为${f.v.disp}`]);
}

function expectedSentence(a, z, m, y) {
  const r = a.rng;
  const f = expectedFact(z, m, y);
  const A = r.pick(m.art);
  if (f.v && r.chance(0.6)) {
    a.mention(z, m, y, 'Y', 'expected', 'v', f.v);
    return r.pick([`预计全年${A}可达${f.v.disp}`, `${A}预计完成${f.v.disp}左右`]);
  }
  a.mention(z, m, y, 'Y', 'expected', 'g', f.g);
  return `预计全年${A}${f.g.neg ? '下降' : '增长'}${f.g.disp}左右`;
}

function bulletFor(a, z, m, y, p) {
  const r = a.rng;
  const f = resultFact(z, m, y, p);
  const name = r.pick(m.art);
  const parts = [];
  if (f.v) { parts.push(f.v.disp); a.mention(z, m, y, p, 'result', 'v', f.v); }
  if (f.g && (!f.v || r.chance(0.75))) { parts.push(growthPhrase(r, f.g, p === 'Y')); a.mention(z, m, y, p, 'result', 'g', f.g); }
  return `${name}：${parts.join('，')}`;
}

function joinSentences(parts) { return `${parts.join(r0pick(['；', '，', '；']))}。`; }
let GLOBAL_R = null;
const r0pick = (arr) => GLOBAL_R.pick(arr);

const THEMES = {
  econ: ['gdp', 'indva', 'indout', 'rev', 'tax', 'fai', 'indinv', 'opinc'],
  open: ['fdi', 'trade', 'export', 'xborder', 'teu', 'cargo'],
  invest: ['signed', 'signinv', 'bigproj', 'fundin', 'newstart', 'keyinv'],
  innov: ['hte', 'htenew', 'srdi', 'rd', 'htshare', 'tech', 'patent'],
  life: ['retail', 'entities', 'income', 'jobs'],
};
const THEME_HEAD = { econ: '经济运行', open: '对外开放', invest: '招商引资与项目建设', innov: '科技创新', life: '民生与消费' };
function themeOf(mid) { for (const [t, ids] of Object.entries(THEMES)) if (ids.includes(mid)) return t; return 'econ'; }
function groupByTheme(ms) {
  const out = new Map();
  for (const m of ms) { const t = themeOf(m.id); if (!out.has(t)) out.set(t, []); out.get(t).push(m); }
  return out;
}

// ───────────────────────────── article kinds ─────────────────────────────
function randDate(r, y, m, d0 = 1, d1 = 28) { return { y, m, d: r.int(d0, Math.min(d1, daysIn(y, m))) }; }
function pickZone(r) { return r.pick(ZONES); }
function nameInTitle(r, z) { return r.chance(0.55) ? r.pick(z.shorts) : z.full; }

function buildAnnual(a) {
  const r = a.rng;
  const z = pickZone(r), y = r.pick(YEARS);
  a.pub = randDate(r, y + 1, r.pick([1, 1, 2, 2, 3]));
  a.zones = [z];
  a.finishFormat();
  const ms = r.sample(z.metrics, r.int(4, 9));
  const zn = nameInTitle(r, z);
  let tnum = null;
  if (r.chance(0.25)) {
    const m = ms.find((x) => x.id === 'gdp' || x.id === 'rev' || x.id === 'trade');
    if (m) {
      const f = resultFact(z, m, y, 'Y');
      if (f.g && !f.g.neg) { tnum = `${a.relOK ? r.pick(['去年', `${y}年`]) : `${y}年`}${m.art[m.id === 'gdp' ? 1 : 0]}增长${f.g.disp}`; a.mention(z, m, y, 'Y', 'result', 'g', f.g); }
    }
  }
  a.title = tnum ? `${zn}${tnum}` : r.pick([
    `${zn}${y}年经济运行“成绩单”出炉`, `${zn}：${y}年主要经济指标稳中有进`, `稳中求进 ${zn}交出${y}年发展答卷`,
    `${zn}去年经济发展亮点纷呈`, `${zn}${y}年高质量发展迈出新步伐`,
  ]).replace('去年', a.relOK ? '去年' : `${y}年`);
  const yw = yearWord(a, y);
  a.p(`${yw}，${a.zref(z)}${r.pick(INTRO_TAIL)}。`);
  const groups = groupByTheme(ms);
  const md = a.format === 'md';
  let first = true;
  for (const [t, list] of groups) {
    if (md && r.chance(0.7)) {
      a.h(`${THEME_HEAD[t]}`);
      if (r.chance(0.5)) { a.ul(list.map((m) => bulletFor(a, z, m, y, 'Y'))); continue; }
    }
    const sents = list.map((m) => resultSentence(a, z, m, y, 'Y'));
    const lead = first ? r.pick(['全年，', '数据显示，', '具体来看，', '']) : r.pick(['', '同时，', '此外，', `${r.pick(z.refs)}`]);
    a.p(lead + joinSentences(sents));
    first = false;
    if (r.chance(0.35)) a.p(fillTpl(r.pick(FILLERS), a, z));
  }
  if (r.chance(0.15)) a.p(fillTpl(r.pick(NOISE)(), a, z));
  // a multi-year series sentence
  if (r.chance(0.2) && y >= 2021) {
    const cands = z.metrics.filter((m) => m.cls === 'amt' || m.cls === 'stock' || m.cls === 'cnt');
    const m = r.pick(cands);
    const ys = [y - 2, y - 1, y];
    const vals = ys.map((yy) => { const f = resultFact(z, m, yy, 'Y'); a.mention(z, m, yy, 'Y', 'result', 'v', f.v); return f.v.disp; });
    a.p(`从近三年看，${ys[0]}年至${ys[2]}年，${r.pick(z.refs)}${r.pick(m.art)}分别为${vals[0]}、${vals[1]}和${vals[2]}，${r.pick(['逐年攀升', '总体保持增长', '发展后劲不断增强'])}。`);
  }
  // targets for the coming year
  if (y + 1 <= 2025 && r.chance(0.4)) {
    const tms = r.sample(z.metrics.filter((m) => m.tgt), r.int(2, 4));
    if (tms.length) {
      const tw = yearWord(a, y + 1);
      if (md) a.h(`${y + 1}年目标`);
      a.p(`${tw}，${r.pick(z.refs)}将${r.pick(PLAN_GOALS)}，${tms.map((m) => targetSentence(a, z, m, y + 1)).join('，')}。`);
    }
  }
  a.kindTag = 'annual';
}

function buildPeriodic(a) {
  const r = a.rng;
  const z = pickZone(r), y = r.pick(YEARS);
  const p = r.weighted([['M3', 3], ['M6', 3], ['M9', 3], ['M4', 1], ['M5', 1.2], ['M7', 1], ['M8', 1.2], ['M10', 1.2], ['M11', 1.5]]);
  const N = periodMonths(p);
  a.pub = randDate(r, y, N + 1, 8, 28);
  a.zones = [z];
  a.finishFormat();
  const ms = r.sample(z.metrics.filter((m) => validPeriods(m).includes(p)), r.int(3, 7));
  const pw = periodWordArt(r, p);
  const zn = nameInTitle(r, z);
  a.title = r.pick([`${zn}${pw}主要经济指标跑出“加速度”`, `${zn}${pw}经济运行稳中向好`, `${pw}，${zn}多项指标实现正增长`, `${zn}发布${pw}经济运行情况`]);
  const yw = a.relOK && r.chance(0.7) ? r.pick(['今年', '今年']) : `${y}年`;
  a.p(`${yw}${pw}，${a.zref(z)}${r.pick(INTRO_TAIL)}。`);
  const md = a.format === 'md';
  if (md && r.chance(0.5)) {
    a.h('主要指标');
    a.ul(ms.map((m) => bulletFor(a, z, m, y, p)));
  } else {
    const half = Math.ceil(ms.length / 2);
    a.p(`${r.pick(['数据显示，', '具体来看，', '其中，', ''])}${joinSentences(ms.slice(0, half).map((m) => resultSentence(a, z, m, y, p)))}`);
    if (r.chance(0.5)) a.p(fillTpl(r.pick(FILLERS), a, z));
    if (ms.length > half) a.p(`${r.pick(['同时，', '此外，', '从开放和投资看，', ''])}${joinSentences(ms.slice(half).map((m) => resultSentence(a, z, m, y, p)))}`);
  }
  // same period last year (distractor)
  if (y > 2019 && r.chance(0.15)) {
    const m = ms.find((x) => x.cls === 'amt');
    if (m) {
      const f = resultFact(z, m, y - 1, p);
      a.mention(z, m, y - 1, p, 'result', 'v', f.v);
      a.p(`作为对比，${y - 1}年同期${r.pick(z.refs)}${r.pick(m.art)}为${f.v.disp}。`);
    }
  }
  if (r.chance(0.3)) a.p(fillTpl(r.pick(FILLERS), a, z));
  a.kindTag = 'periodic';
}

function buildPlan(a) {
  const r = a.rng;
  const z = pickZone(r), y = r.pick(YEARS);
  const dec = r.chance(0.45);
  a.pub = dec ? randDate(r, y - 1, 12, 10, 31) : randDate(r, y, r.pick([1, 1, 2]), 3, 28);
  a.zones = [z];
  a.finishFormat();
  const zn = nameInTitle(r, z);
  const meeting = r.pick(['经济工作会议', '高质量发展大会', '全区工作会议', '工作务虚会', '“三级干部”大会']);
  a.title = r.pick([`${zn}召开${meeting}`, `${zn}明确${y}年发展目标`, `${zn}部署${y}年重点工作`, `${zn}：${y}年力争实现“开门红”`]);
  a.p(`${a.relOK ? '近日' : `${a.pub.y}年${a.pub.m}月`}，${a.zref(z)}召开${meeting}，总结工作、分析形势，部署${yearWord(a, y)}重点任务。`);
  if (dec && r.chance(0.5)) {
    const ems = r.sample(z.metrics.filter((m) => m.cls === 'amt' || m.cls === 'gonly'), r.int(1, 3));
    if (ems.length) a.p(`会议指出，${a.relOK ? '今年' : `${y - 1}年`}以来，${r.pick(z.refs)}经济运行稳中有进，${ems.map((m) => expectedSentence(a, z, m, y - 1)).join('，')}。`);
  }
  if (!dec && r.chance(0.4) && y - 1 >= 2019) {
    const rms = r.sample(z.metrics, r.int(2, 4));
    a.p(`会议指出，${yearWord(a, y - 1)}，${r.pick(z.refs)}${joinSentences(rms.map((m) => resultSentence(a, z, m, y - 1, 'Y')))}`);
  }
  const tms = r.sample(z.metrics.filter((m) => m.tgt), r.int(3, 7));
  const tw = yearWord(a, y);
  if (a.format === 'md' && r.chance(0.6)) {
    a.h(`${y}年主要预期目标`);
    a.ul(tms.map((m) => targetSentence(a, z, m, y)));
  } else {
    a.p(`会议明确，${tw}${r.pick(z.refs)}将${r.pick(PLAN_GOALS)}，${tms.map((m) => targetSentence(a, z, m, y)).join('，')}。`);
  }
  if (r.chance(0.6)) a.p(fillTpl(r.pick(FILLERS), a, z));
  a.kindTag = 'plan';
}

const PROJ_A = ['智能制造', '新能源电池', '高端装备', '生物医药', '半导体封装', '新材料', '冷链物流', '数字产业园', '氢能装备', '汽车零部件', '工业互联网', '医疗器械', '精密模具', '光电显示', '航空航天零部件'];
const PROJ_CO = ['华晟', '瑞丰', '中科', '海创', '德隆', '天合', '恒昌', '博远', '凯盛', '鼎新', '万邦', '宏图', '领航', '星辰', '泰和'];
function buildEvent(a) {
  const r = a.rng;
  let z, y, evs;
  for (let k = 0; k < 20; k++) { z = pickZone(r); y = r.pick(YEARS); evs = zoneEvents(z, y); if (evs.length) break; }
  if (!evs.length) return buildPeriodic(a);
  const ev = r.pick(evs);
  const et = EVENT_TYPES[ev.t];
  a.pub = addDays({ y, m: ev.mo, d: ev.day }, r.pick([0, 0, 1, 1, 2]));
  a.zones = [z];
  a.finishFormat();
  const mN = MET[`ev_${ev.t}_n`], mI = MET[`ev_${ev.t}_inv`];
  const zn = nameInTitle(r, z);
  if (r.chance(0.35)) {
    a.mention(z, mN, y, `E${ev.mo}`, 'event', 'v', ev.n);
    a.mention(z, mI, y, `E${ev.mo}`, 'event', 'v', ev.inv);
    a.title = `${zn}${ev.n.disp}重点项目${et.word} 总投资${ev.inv.disp}`;
  } else {
    a.title = r.pick([`${zn}举行重点项目${et.word}活动`, `${zn}：项目建设跑出加速度`, `${zn}${et.word}一批重点项目`]);
  }
  const dword = a.relOK ? `${ev.mo}月${ev.day}日` : `${y}年${ev.mo}月${ev.day}日`;
  const batch = r.pick([`${y}年第${r.pick(['一', '二', '三'])}批`, `${y}年${Math.ceil(ev.mo / 3) === 1 ? '一' : Math.ceil(ev.mo / 3) === 2 ? '二' : Math.ceil(ev.mo / 3) === 3 ? '三' : '四'}季度`, `${y}年`]);
  a.p(`${dword}${r.pick(['上午', '', '下午'])}，${a.zref(z)}${batch}重点项目${et.word}${r.pick(['仪式', '活动'])}举行。`);
  a.mention(z, mN, y, `E${ev.mo}`, 'event', 'v', ev.n);
  a.mention(z, mI, y, `E${ev.mo}`, 'event', 'v', ev.inv);
  const verb = ev.t === 'sign' ? r.pick(['现场签约项目', '共签约项目']) : ev.t === 'start' ? r.pick(['此次集中开工项目', '本次开工项目']) : r.pick(['此次竣工投产项目', '本次集中投产项目']);
  a.p(`${verb}${ev.n.disp}，${r.pick(['总投资', '计划总投资', '协议总投资'])}${ev.inv.disp}，涵盖${r.sample(PROJ_A, 3).join('、')}等领域。`);
  if (r.chance(0.5)) {
    const names = r.sample(PROJ_CO, r.int(2, 4)).map((c) => `${c}${r.pick(PROJ_A)}项目`);
    if (a.format === 'md') { a.h('部分重点项目'); a.ul(names); } else a.p(`其中，${names.join('、')}等项目${r.pick(['备受关注', '科技含量高、带动作用强'])}。`);
  }
  // an earlier event of the same year (distractor)
  const earlier = evs.filter((e) => e.mo < ev.mo);
  if (earlier.length && r.chance(0.35)) {
    const e0 = r.pick(earlier);
    const w = EVENT_TYPES[e0.t].word;
    a.mention(z, MET[`ev_${e0.t}_n`], y, `E${e0.mo}`, 'event', 'v', e0.n);
    a.p(`此前的${e0.mo}月，${r.pick(z.refs)}已${w}项目${e0.n.disp}。`);
  }
  // cumulative signings so far this year
  if (ev.mo >= 4 && z.metrics.includes(MET.signed) && r.chance(0.35)) {
    const p = `M${ev.mo - 1}`;
    const f = resultFact(z, MET.signed, y, p);
    a.mention(z, MET.signed, y, p, 'result', 'v', f.v);
    a.p(`据统计，${a.relOK ? '今年' : `${y}年`}1—${ev.mo - 1}月，${r.pick(z.refs)}新签约项目${f.v.disp}。`);
  }
  a.p(fillTpl(r.pick(FILLERS), a, z));
  a.kindTag = 'event';
}

function buildRoundup(a) {
  const r = a.rng;
  const y = r.pick(YEARS);
  const national = r.chance(0.3);
  let zs;
  if (national) {
    const t = r.pick(['kfq', 'gxq', 'xq']);
    zs = r.sample(ZONES.filter((z) => z.type === t), r.int(3, 5));
  } else {
    const city = r.pick(Object.keys(ZONES_BY_CITY).filter((c) => ZONES_BY_CITY[c].length >= 2));
    zs = r.sample(ZONES_BY_CITY[city], r.int(2, Math.min(4, ZONES_BY_CITY[city].length)));
  }
  const p = r.weighted([['Y', 4], ['M3', 2], ['M6', 2], ['M9', 2], ['M5', 0.5], ['M8', 0.5], ['M11', 0.5]]);
  a.pub = p === 'Y' ? randDate(r, y + 1, r.pick([1, 2, 3])) : randDate(r, y, periodMonths(p) + 1, 10, 28);
  a.zones = zs;
  a.outletOverride = national ? r.pick(NATIONAL_OUTLETS) : null;
  a.finishFormat();
  const pw = p === 'Y' ? (a.relOK && a.pub.y === y + 1 ? r.pick(['去年', `${y}年`]) : `${y}年`) : `${a.relOK ? '今年' : `${y}年`}${periodWordArt(r, p)}`;
  const city = zs[0].city;
  a.title = national
    ? r.pick([`${y}年${p === 'Y' ? '' : periodWordAns(p)}多个国家级园区主要指标盘点`, `观察｜${zs.length}个国家级园区${p === 'Y' ? '年度' : periodWordAns(p)}“成绩单”`])
    : r.pick([`${city}功能区${p === 'Y' ? `${y}年` : periodWordAns(p)}经济运行综述`, `${city}各园区${p === 'Y' ? '年度' : periodWordAns(p)}“成绩单”出炉`, `比学赶超 ${city}开发区${p === 'Y' ? '全年' : periodWordAns(p)}竞相发展`]);
  a.p(`${pw}，${national ? '各地国家级园区' : `${city}各功能区`}${r.pick(['主动作为、竞相发展', '比学赶超、争先进位', '稳中求进、亮点纷呈'])}，${r.pick(['成为区域经济增长的重要引擎', '对全市经济增长形成有力支撑', '展现出较强的发展韧性'])}。`);
  let first = true;
  for (const z of zs) {
    const cands = z.metrics.filter((m) => (p === 'Y' ? true : validPeriods(m).includes(p)));
    const ms = r.sample(cands, r.int(1, 3));
    if (!ms.length) continue;
    const name = a.zref(z, true);
    const sents = ms.map((m) => resultSentence(a, z, m, y, p));
    if (a.format === 'md' && r.chance(0.5)) {
      a.h(name);
      a.p(`${r.pick(['', '该区', '区内'])}${joinSentences(sents)}`);
    } else {
      a.p(`${first ? r.pick(['', '其中，']) : r.pick(['', '其中，', '再看'])}${name}：${joinSentences(sents)}`);
      first = false;
      continue;
    }
  }
  if (r.chance(0.4)) a.p('业内人士认为，各功能区发展各具特色，在稳增长、促转型中发挥了“主引擎”作用。');
  a.kindTag = national ? 'roundup-national' : 'roundup-city';
}

function buildTable(a) {
  const r = a.rng;
  const z = pickZone(r);
  const y = r.pick([2021, 2022, 2023, 2024, 2025]);
  const nY = Math.min(r.int(3, 4), y - 2018);
  const ys = []; for (let k = nY - 1; k >= 0; k--) ys.push(y - k);
  a.pub = randDate(r, y + 1, r.pick([1, 2, 3, 4]));
  a.zones = [z];
  a.format = 'md';
  a.finishFormat(true);
  const zn = nameInTitle(r, z);
  a.title = r.pick([`${zn}${ys[0]}—${y}年主要经济指标`, `数说${zn}：${ys.length}年主要指标一览`, `${zn}主要经济指标（${ys[0]}—${y}年）`]);
  a.p(`${a.zref(z)}${r.pick(['统计局', '经济发展局', '管委会'])}发布的数据显示，${ys[0]}年以来，${r.pick(z.refs)}主要经济指标${r.pick(['稳步增长', '持续向好', '保持增长态势'])}。`);
  const ms = r.sample(z.metrics.filter((m) => m.cls !== 'gonly'), r.int(4, 8));
  const unitInHead = r.chance(0.5);
  const withGrowth = r.chance(0.4);
  const head = ['指标', ...ys.map((yy) => `${yy}年`)];
  if (withGrowth) head.push(`${y}年增速`);
  const rows = [];
  for (const m of ms) {
    const unit = m.cls === 'rate' ? '%' : m.unit;
    const row = [unitInHead ? `${m.name}（${unit}）` : m.name];
    for (const yy of ys) {
      const f = resultFact(z, m, yy, 'Y');
      let cell;
      if (unitInHead) {
        // value expressed in the header unit
        let num = f.v.num;
        if (f.v.disp.includes('万') && m.cls === 'amt') num = trimZeros((Number(f.v.num) / 10000).toFixed(4));
        if (m.big && f.v.disp.endsWith(m.big)) num = String(Math.round(Number(f.v.num) * 10000));
        cell = num;
        a.mention(z, m, yy, 'Y', 'result', 'v', { disp: cell, num }, { cell: true });
      } else {
        cell = f.v.disp;
        a.mention(z, m, yy, 'Y', 'result', 'v', f.v, { cell: true });
      }
      row.push(cell);
    }
    if (withGrowth) {
      const f = resultFact(z, m, y, 'Y');
      if (f.g) { row.push(f.g.neg ? `-${f.g.disp}` : f.g.disp); a.mention(z, m, y, 'Y', 'result', 'g', f.g, { cell: true, askable: !f.g.neg }); } else row.push('—');
    }
    rows.push(row);
  }
  a.blocks.push({ t: 'table', head, rows });
  a.p(`注：${r.pick(['部分数据为快报数，以年鉴为准。', '增速按可比价格计算。', '数据来源于区统计部门。'])}`);
  a.kindTag = 'table';
}

function buildProfile(a) {
  const r = a.rng;
  const z = pickZone(r);
  const py = r.pick([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
  a.pub = randDate(r, py, r.int(1, 12));
  a.zones = [z];
  a.finishFormat();
  const zn = nameInTitle(r, z);
  a.title = r.pick([`走进${zn}：创新引擎澎湃动能`, `${zn}：向“新”而行 逐“绿”而进`, `一座园区的成长答卷——${zn}发展纪实`, `${zn}打造创新策源地`]);
  a.p(`${a.zref(z)}成立于${r.int(1984, 2014)}年，规划面积${r.int(30, 400)}平方公里，${r.pick(['是全国首批国家级开发区之一', '区位优势明显', '产业基础雄厚', '是区域对外开放的重要窗口'])}。`);
  a.p(fillTpl(r.pick(FILLERS), a, z));
  const ly = py - 1;
  if (ly >= 2019) {
    const ms = r.sample(z.metrics.filter((m) => m.cls === 'stock' || m.cls === 'rate' || m.id === 'htenew'), r.int(1, 3));
    if (ms.length) a.p(`截至${ly}年底，${r.pick(z.refs)}${joinSentences(ms.map((m) => resultSentence(a, z, m, ly, 'Y')))}`);
  }
  if (py <= 2023 && r.chance(0.45)) {
    const fms = r.sample(z.metrics.filter((m) => m.fyp), r.int(1, 2));
    if (fms.length) a.p(`按照规划，到2025年，${r.pick(z.refs)}${fms.map((m) => fypSentence(a, z, m)).join('，')}。`);
  }
  if (r.chance(0.4)) a.p(fillTpl(r.pick(NOISE)(), a, z));
  a.p(fillTpl(r.pick(FILLERS), a, z));
  a.kindTag = 'profile';
}

function buildFyp(a) {
  const r = a.rng;
  const z = pickZone(r);
  a.pub = r.chance(0.7) ? randDate(r, 2021, r.int(2, 12)) : randDate(r, 2022, r.int(1, 6));
  a.zones = [z];
  a.finishFormat();
  const zn = nameInTitle(r, z);
  a.title = r.pick([`${zn}“十四五”发展规划出炉`, `${zn}描绘“十四五”发展蓝图`, `解读｜${zn}“十四五”规划纲要`]);
  a.p(`${a.zref(z)}${r.pick(['近日印发', '正式发布'])}《国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要》。`);
  const rms = r.sample(z.metrics.filter((m) => m.cls !== 'gonly'), r.int(2, 4));
  a.p(`“十三五”时期，${r.pick(z.refs)}综合实力显著增强。2020年，${joinSentences(rms.map((m) => resultSentence(a, z, m, 2020, 'Y', { vOnly: true })))}`);
  const fms = z.metrics.filter((m) => m.fyp);
  const pick = r.sample(fms, Math.min(fms.length, r.int(2, 4)));
  if (a.format === 'md' && r.chance(0.6)) {
    a.h('主要目标');
    a.ul(pick.map((m) => `到2025年，${fypSentence(a, z, m)}`));
  } else if (pick.length) {
    a.p(`《纲要》提出，到2025年，${pick.map((m) => fypSentence(a, z, m)).join('，')}。`);
  }
  a.p(fillTpl(r.pick(FILLERS), a, z));
  a.kindTag = 'fyp';
}

// ───────────────────────────── rendering ─────────────────────────────
const NUM_TOKEN = /[0-9][0-9.]*(?:亿美元|万美元|亿元|万元|万标箱|标箱|亿吨|万吨|万户|万人|个百分点|平方公里|%|个|家|户|件|元|人|年|月|日|项|场)?/y;
function wrapNarrow(text, W) {
  const toks = [];
  let i = 0;
  while (i < text.length) {
    NUM_TOKEN.lastIndex = i;
    const mm = NUM_TOKEN.exec(text);
    if (mm && mm.index === i) { toks.push(mm[0]); i += mm[0].length; } else { toks.push(text[i]); i++; }
  }
  const lines = [];
  let cur = '';
  for (const t of toks) {
    if (cur.length + t.length > W && cur.length > 0 && !/^[，。；、：”）！？]$/.test(t)) { lines.push(cur); cur = ''; }
    cur += t;
  }
  if (cur) lines.push(cur);
  return lines.join('\n');
}
const escHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const CN_ORD = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function renderTxtBody(a, blocks) {
  const r = a.rng;
  const out = [];
  let hn = 0;
  for (const b of blocks) {
    if (b.t === 'p') out.push(`　　${b.s}`);
    else if (b.t === 'h') out.push(`　　${CN_ORD[hn++ % 10]}、${b.s}`);
    else if (b.t === 'ul') {
      const style = r.int(0, 2);
      b.items.forEach((it, k) => out.push(style === 0 ? `　　${k + 1}.${it}；` : style === 1 ? `　　（${CN_ORD[k % 10]}）${it}。` : `　　● ${it}`));
    }
  }
  return out;
}
function render(a) {
  const r = a.rng;
  const d = a.pub;
  const blocks = a.blocks;
  if (a.format === 'txt-header') {
    return `${a.outlet} ${cnDate(d)} 星期${weekday(d)}\n\n${a.title}\n\n${renderTxtBody(a, blocks).join('\n')}\n`;
  }
  if (a.format === 'txt-dateline') {
    const body = renderTxtBody(a, blocks);
    const who = r.chance(0.5) ? `记者 ${a.author}` : `记者 ${a.author} 通讯员 ${personName(r)}`;
    // the dateline carries the day: drop the first paragraph's own date phrase
    const first = body[0].replace(/^　　/, '').replace(/^(近日|\d{4}年\d+月(\d+日)?(上午|下午)?|\d+月\d+日(上午|下午)?)，/, '').replace(/^(\S{2,30}?)近日/, '$1');
    body[0] = `　　${r.pick(['本报讯', '本报讯', `${a.outlet}讯`])}（${who}）${d.m}月${d.d}日，${first}`;
    return `${a.title}\n\n${body.join('\n')}\n`;
  }
  if (a.format === 'txt-fm') {
    const z = a.zones[0];
    const zf = a.zones.length > 1 ? a.zones.map((x) => x.shorts[0]).join('、') : r.pick([z.full, z.shorts[0]]);
    const fm = [`title: ${a.title}`, `date: ${iso(d)}`, `zone: ${zf}`, `source: ${a.outlet}`];
    if (r.chance(0.4)) fm.push(`author: ${a.author}`);
    return `---\n${fm.join('\n')}\n---\n\n${renderTxtBody(a, blocks).join('\n')}\n`;
  }
  if (a.format === 'txt-narrow') {
    const W = r.int(12, 16);
    const body = renderTxtBody(a, blocks).map((s) => wrapNarrow(s, W)).join('\n');
    return `${a.outlet}　${cnDate(d)}\n\n${wrapNarrow(a.title, W + 4)}\n\n${body}\n`;
  }
  if (a.format === 'md') {
    const out = [`# ${a.title}`, '', r.chance(0.5) ? `> 来源：${a.outlet}　发布时间：${iso(d)}` : `*${cnDate(d)}　${a.outlet}*`, ''];
    for (const b of blocks) {
      if (b.t === 'p') out.push(b.s, '');
      else if (b.t === 'h') out.push(`## ${b.s}`, '');
      else if (b.t === 'ul') { for (const it of b.items) out.push(`- ${it}`); out.push(''); }
      else if (b.t === 'table') {
        out.push(`| ${b.head.join(' | ')} |`, `|${b.head.map((_, k) => (k === 0 ? ' --- ' : ' ---: ')).join('|')}|`);
        for (const row of b.rows) out.push(`| ${row.join(' | ')} |`);
        out.push('');
      }
    }
    return `${out.join('\n').replace(/\n+$/, '')}\n`;
  }
  // html
  const city = a.zones[0].city;
  const site = a.outletOverride || CITIES[city].site;
  const others = r.sample(ZONES.filter((z) => !a.zones.includes(z)), 4);
  const related = others.map((z) => `<li><a href="/news/${r.int(100000, 999999)}.html">${escHtml(r.pick([`${z.shorts[0]}举办人才招聘周活动`, `${z.shorts[0]}优化营商环境再出新招`, `${z.shorts[0]}召开安全生产工作会议`, `${z.shorts[0]}开展“企业家日”系列活动`]))}</a></li>`).join('\n        ');
  const ps = [];
  for (const b of blocks) {
    if (b.t === 'p') ps.push(`      <p>${escHtml(b.s)}</p>`);
    else if (b.t === 'h') ps.push(`      <h2>${escHtml(b.s)}</h2>`);
    else if (b.t === 'ul') ps.push(`      <ul>\n${b.items.map((it) => `        <li>${escHtml(it)}</li>`).join('\n')}\n      </ul>`);
  }
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <title>${escHtml(a.title)}_${escHtml(site)}</title>
  <meta name="publishdate" content="${iso(d)}">
  <meta name="source" content="${escHtml(a.outlet)}">
  <meta name="keywords" content="${escHtml(a.zones.map((z) => z.shorts[0]).join(','))},经济,园区">
  <link rel="stylesheet" href="/static/css/article.css">
</head>
<body>
  <header class="site-header"><a class="logo" href="/">${escHtml(site)}</a></header>
  <nav class="main-nav">
    <a href="/">首页</a> | <a href="/news/">新闻中心</a> | <a href="/gov/">政务公开</a> | <a href="/invest/">投资指南</a> | <a href="/service/">办事服务</a> | <a href="/interact/">互动交流</a>
  </nav>
  <div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/news/">新闻中心</a> &gt; 园区动态</div>
  <article>
    <h1>${escHtml(a.title)}</h1>
    <div class="info">来源：${escHtml(a.outlet)}　发布时间：${iso(d)} ${String(r.int(7, 21)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}　编辑：${escHtml(personName(r))}</div>
    <div class="content">
${ps.join('\n')}
    </div>
  </article>
  <aside class="related">
    <h3>相关新闻</h3>
    <ul>
        ${related}
    </ul>
  </aside>
  <footer>
    <p><a href="/about/">关于我们</a> | <a href="/contact/">联系我们</a> | <a href="/sitemap/">网站地图</a> | <a href="/privacy/">隐私声明</a></p>
    <p>版权所有 © ${escHtml(site)} 未经授权禁止转载</p>
  </footer>
</body>
</html>
`;
}

// ───────────────────────────── generation ─────────────────────────────
const FORMATS = [['txt-header', 20], ['txt-dateline', 12], ['txt-fm', 18], ['txt-narrow', 10], ['md', 20], ['html', 20]];
const KINDS = [[buildAnnual, 19], [buildPeriodic, 22], [buildPlan, 14], [buildEvent, 14], [buildRoundup, 11], [buildTable, 8], [buildProfile, 7], [buildFyp, 5]];
const extOf = (f) => (f === 'md' ? 'md' : f === 'html' ? 'html' : 'txt');

const master = new Rng(`${SEED}|master`);
GLOBAL_R = new Rng(`${SEED}|joins`);
const articles = [];
for (let i = 0; i < N_ART; i++) {
  const a = new Article(i, new Rng(`${SEED}|art|${i}`));
  const builder = master.weighted(KINDS);
  const fmt = master.weighted(FORMATS);
  a.format = fmt;
  a.finishFormat = function (forced = false) {
    if (forced) this.format = 'md';
    this.relOK = this.format !== 'txt-dateline';
    const z = this.zones[0];
    this.outlet = this.outletOverride || (this.rng.chance(0.85) ? this.rng.pick(CITIES[z.city].outlets) : this.rng.pick(NATIONAL_OUTLETS));
    this.author = personName(this.rng);
    this.titleOnly = this.zones.length === 1 && this.rng.chance(0.12);
  };
  builder(a);
  a.file = `${String(i).padStart(5, '0')}.${extOf(a.format)}`;
  a.text = render(a);
  articles.push(a);
}

// ───────────────────────────── question selection ─────────────────────────────
const baseKey = (x) => `${x.z}|${x.m}|${x.y}|${x.p}|${x.kind}`;
const byBase = new Map();
const byGroup = new Map(); // zone|metric -> mentions
const byZMYP = new Map(); // zone|metric|year|period -> mentions (any kind)
const byZMY = new Map(); // zone|metric|year -> mentions
for (const mt of MENTIONS) {
  const k = baseKey(mt);
  if (!byBase.has(k)) byBase.set(k, []);
  byBase.get(k).push(mt);
  const g = `${mt.z}|${mt.m}`;
  if (!byGroup.has(g)) byGroup.set(g, []);
  byGroup.get(g).push(mt);
  const k2 = `${mt.z}|${mt.m}|${mt.y}|${mt.p}`;
  if (!byZMYP.has(k2)) byZMYP.set(k2, []);
  byZMYP.get(k2).push(mt);
  const k3 = `${mt.z}|${mt.m}|${mt.y}`;
  if (!byZMY.has(k3)) byZMY.set(k3, []);
  byZMY.get(k3).push(mt);
}
const reEsc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// the token used to check uniqueness inside the article: number + first unit character
function checkToken(mt) {
  const i = mt.disp.indexOf(mt.num);
  const next = mt.disp[i + mt.num.length];
  return next && !mt.cell ? mt.num + next : mt.num;
}
function countToken(text, tok) {
  const re = new RegExp(`(?<![0-9.])${reEsc(tok)}(?![0-9]|\\.[0-9])`, 'g');
  return (text.match(re) || []).length;
}
const candCache = new Map();
function candidate(k, meas) {
  const ck = `${k}|${meas}`;
  if (candCache.has(ck)) return candCache.get(ck);
  let res = null;
  const ms = byBase.get(k);
  if (ms) {
    const arts = new Set(ms.map((x) => x.art));
    const mine = ms.filter((x) => x.meas === meas);
    if (arts.size === 1 && mine.length === 1 && mine[0].askable && !/[一二三四五六七八九十百]/.test(mine[0].num)) {
      const mt = mine[0];
      const art = articles[mt.art];
      const tok = checkToken(mt);
      const numOk = countToken(art.text, tok) === 1 && countToken(art.text, mt.num) === 1;
      const grp = byGroup.get(`${mt.z}|${mt.m}`);
      const clash = grp.some((o) => o !== mt && Number(o.num) === Number(mt.num));
      if (numOk && !clash && art.text.includes(mt.disp)) res = mt;
    }
  }
  candCache.set(ck, res);
  return res;
}

const qr = new Rng(`${SEED}|questions`);
const zoneById = (id) => ZONES[id];
function qZone(r, z) { return r.chance(0.75) ? r.pick(z.shorts) : z.full; }
function qYear(r, y) { return r.weighted([[`${y}年`, 45], [`${String(y).slice(2)}年`, 40], [`${y}`, 15]]); }
function unitHint(m) {
  if (m.cls === 'cnt' || m.cls === 'stock') return m.unit === '家' ? '多少家' : m.unit === '个' ? '多少个' : m.unit === '件' ? '多少件' : '多少';
  return '多少';
}
function qText(r, z, m, y, p, kind, meas, extra = {}) {
  const yr = qYear(r, y);
  if (/^\d{4}$/.test(yr)) {
    if (kind === 'event' || m.cls === 'stock') return qText0(r, z, m, y, p, kind, meas, extra, `${y}年`);
    const s = qText0(r, z, m, y, p, kind, meas, extra, `${y}年`);
    if (!s.includes(`${y}年`)) return s;
    const t = s.replace(`${y}年`, '');
    return t.startsWith('问下') ? `问下${y} ${t.slice(2)}` : `${y} ${t}`;
  }
  return qText0(r, z, m, y, p, kind, meas, extra, yr);
}
function qText0(r, z, m, y, p, kind, meas, extra, Yr) {
  const Z = qZone(r, z);
  const A = r.pick(m.q || [m.name]);
  const P = periodWordQ(r, p);
  const YP = `${Yr}${P}`;
  const u = unitHint(m);
  if (kind === 'event') {
    const ym = `${Yr}${p.slice(1)}月`;
    const w = EVENT_TYPES[m.ev].word;
    if (m.id.endsWith('_n')) return r.pick([`${Z}${ym}${w}了几个项目？`, `${Z}${ym}那次${w}一共多少个项目`, `${ym}${Z}${w}的项目有多少个`]);
    return r.pick([`${Z}${ym}${w}的项目总投资多少？`, `${Z}${ym}${w}项目总投资是多少`, `${ym}${Z}那批${w}项目总投资多少亿`]);
  }
  if (kind === 'fyp') return r.pick([`${Z}“十四五”规划里到2025年${A}目标是多少？`, `${Z}十四五末${A}的目标定的多少`, `${Z}规划到2025年${A}要达到多少`]);
  if (kind === 'target') {
    if (meas === 'g') return r.pick([`${Z}${Yr}${A}目标增速是多少？`, `${Z}${Yr}${A}计划增长多少`, `${Yr}${Z}${A}预期增长目标是多少`, `${Z}${Yr}定的${A}增长目标多少`]);
    return r.pick([`${Z}${Yr}${A}目标是多少？`, `${Z}${Yr}计划${A}达到多少`, `${Z}${Yr}${A}目标定的多少`, `${Yr}${Z}${A}的年度目标是多少`, `${Z}${Yr}${A}的目标值是多少`]);
  }
  // result
  const act = extra.needActual ? r.pick(['实际', '实际完成', '最终']) : r.pick(['', '', '实际', '']);
  if (meas === 'g') {
    return r.pick([`${Z}${YP}${A}${act}增长多少`, `${Z}${YP}${A}${act}增速多少？`, `${Z}${YP}${A}${act}同比涨了多少`, `${Yr}${Z}${P}${A}${act}增幅是多少？`]);
  }
  if (m.cls === 'stock') {
    const ye = `${Yr}底`;
    return r.pick([`${Z}截至${ye}${A}有${u}？`, `${Z}${ye}${A}${u}`, `截止${ye}${Z}${A}总数是多少`]);
  }
  if (m.cls === 'rate') return r.pick([`${Z}${Yr}${A}${act}是多少？`, `${Z}${Yr}的${A}${act}多少`, `问下${Z}${Yr}${A}`]);
  if (m.id === 'fdi' && r.chance(0.4)) return `${Z}${YP}外资${act || ''}用了多少？`;
  const yiHint = m.cls === 'amt' && m.unit === '亿元' && r.chance(0.25) ? '多少亿' : u;
  return r.pick([
    `${Z}${YP}${A}${act}是多少？`,
    `${Z}${YP}${A}${act}${yiHint}`,
    `${Yr}${Z}${P}${A}${act || '完成了'}多少`,
    `问下${Z}${YP}的${A}${act}是多少`,
    `${Z}${YP}${A}${act}有${u}？`,
    `${Z}${YP}${A}${act}数据多少来着`,
  ]);
}
function metricLabel(m, kind, meas, g) {
  if (kind === 'target') return meas === 'g' ? `${m.name}目标增速为` : `${m.name}目标为`;
  if (kind === 'fyp') return `${m.name}“十四五”末（2025年）目标为`;
  if (meas === 'g') return `${m.name}${g && g.neg ? '同比下降' : '同比增长'}`;
  return `${m.name}为`;
}
function answerText(mt) {
  const z = zoneById(mt.z), m = MET[mt.m];
  const when = mt.kind === 'event' ? `${mt.y}年${mt.p.slice(1)}月` : mt.kind === 'fyp' ? '' : mt.kind === 'target' ? `${mt.y}年` : m.cls === 'stock' ? `截至${mt.y}年底` : `${mt.y}年${mt.p === 'Y' ? '' : periodWordAns(mt.p)}`;
  let disp = mt.disp;
  if (mt.cell && !/[^0-9.]/.test(disp)) disp = `${disp}${m.cls === 'rate' ? '%' : mt.meas === 'g' ? '%' : m.unit || ''}`;
  const neg = mt.meas === 'g' && (mt.kind === 'result' || mt.kind === 'expected') && resultFact(z, m, mt.y, mt.p).g?.neg;
  const approx = mt.approx ? '超过' : '';
  const label = metricLabel(m, mt.kind, mt.meas, { neg });
  return `${z.full}${when}${approx ? label.replace(/为$/, '') : label}${approx}${disp}。`;
}
function catOf(mt) {
  if (mt.kind === 'event') return 'event';
  if (mt.kind === 'fyp') return 'fyp';
  if (mt.kind === 'target') return 'target';
  return mt.p === 'Y' ? 'result-year' : 'result-period';
}

// enumerate single-article candidates
const cands = [];
for (const [k, ms] of byBase) {
  if (ms[0].kind === 'expected') continue;
  for (const meas of ['v', 'g']) {
    const c = candidate(k, meas);
    if (!c) continue;
    const m = MET[c.m];
    // a target question for 2025 must not collide with a 14th FYP target (and the reverse)
    if (c.kind === 'target' && c.y === 2025 && byBase.has(`${c.z}|${c.m}|2025|Y|fyp`)) continue;
    if (c.kind === 'fyp' && byBase.has(`${c.z}|${c.m}|2025|Y|target`)) continue;
    // growth of a rate/stock metric is never asked
    if (meas === 'g' && (m.cls === 'rate' || m.cls === 'stock')) continue;
    cands.push(c);
  }
}
const questions = [];
const usedArt = new Set();
const usedZM = new Set();
let qid = 0;
const nextId = () => `archb-${String(++qid).padStart(4, '0')}`;
function addNumeric(mt) {
  const z = zoneById(mt.z), m = MET[mt.m];
  const others = byZMYP.get(`${mt.z}|${mt.m}|${mt.y}|${mt.p}`) || [];
  const needActual = mt.kind === 'result' && others.some((o) => o.kind !== 'result');
  questions.push({
    id: nextId(), question: qText(qr, z, m, mt.y, mt.p, mt.kind, mt.meas, { needActual }), answer: answerText(mt), numbers: [mt.num === mt.disp ? mt.disp : mt.disp.slice(mt.disp.indexOf(mt.num))],
    source: articles[mt.art].file, type: 'numeric', zone: z.full, year: mt.y, period: mt.p, kind: mt.kind, metric: m.name, measure: mt.meas, category: catOf(mt), format: articles[mt.art].format, article_kind: articles[mt.art].kindTag,
  });
  usedArt.add(mt.art); usedZM.add(`${mt.z}|${mt.m}`);
}

const nUnans = Math.round(N_Q * 0.1);
const nList = Math.round(N_Q * 0.1);
const nNum = N_Q - nUnans - nList;
const catWeights = { 'result-year': 34, 'result-period': 27, target: 22, event: 12, fyp: 5 };
const buckets = {};
for (const c of qr.shuffle(cands.slice())) (buckets[catOf(c)] ||= []).push(c);
{
  const want = {};
  const tot = Object.values(catWeights).reduce((s, x) => s + x, 0);
  for (const [c, w] of Object.entries(catWeights)) want[c] = Math.round((nNum * w) / tot);
  let made = 0;
  const takeFrom = (cat, limit) => {
    let n = 0;
    const b = buckets[cat] || [];
    while (b.length && n < limit) {
      const c = b.shift();
      if (usedArt.has(c.art) || usedZM.has(`${c.z}|${c.m}`)) continue;
      addNumeric(c); n++; made++;
    }
    return n;
  };
  for (const [cat, n] of Object.entries(want)) takeFrom(cat, n);
  // top up from any bucket (relaxing zone/metric reuse) if short
  for (const cat of Object.keys(catWeights)) { if (made >= nNum) break; takeFrom(cat, nNum - made); }
  if (made < nNum) {
    for (const cat of Object.keys(catWeights)) {
      const b = buckets[cat] || [];
      while (b.length && made < nNum) { const c = b.shift(); if (usedArt.has(c.art)) continue; addNumeric(c); made++; }
    }
  }
  // trim if a rounding overshoot
  questions.splice(nNum);
}

// list questions: several metrics of one zone/year/period from one article, or a multi-year series
{
  const byArtKey = new Map();
  for (const c of cands) {
    if (c.kind !== 'result' && c.kind !== 'target') continue;
    const k = `${c.art}|${c.z}|${c.y}|${c.p}|${c.kind}`;
    if (!byArtKey.has(k)) byArtKey.set(k, []);
    byArtKey.get(k).push(c);
  }
  const series3 = new Map();
  for (const c of cands) {
    if (c.kind !== 'result' || c.p !== 'Y' || c.meas !== 'v') continue;
    const k = `${c.art}|${c.z}|${c.m}`;
    if (!series3.has(k)) series3.set(k, []);
    series3.get(k).push(c);
  }
  const seriesList = [];
  for (const list of series3.values()) {
    list.sort((x, y) => x.y - y.y);
    for (let i = 0; i + 2 < list.length; i++) if (list[i + 1].y === list[i].y + 1 && list[i + 2].y === list[i].y + 2) { seriesList.push(list.slice(i, i + 3)); break; }
  }
  const multiList = [];
  for (const list of byArtKey.values()) {
    const seen = new Set();
    const uniq = list.filter((c) => { if (seen.has(c.m)) return false; seen.add(c.m); return true; });
    if (uniq.length >= 2) multiList.push(uniq);
  }
  qr.shuffle(seriesList); qr.shuffle(multiList);
  let made = 0;
  const nSeries = Math.round(nList * 0.4);
  for (const s of seriesList) {
    if (made >= nSeries) break;
    if (usedArt.has(s[0].art)) continue;
    const z = zoneById(s[0].z), m = MET[s[0].m];
    const Z = qZone(qr, z), A = qr.pick(m.q);
    const y1 = s[0].y, y3 = s[2].y;
    const q = qr.pick([`${Z}${y1}到${y3}年${A}分别是多少？`, `${Z}近三年（${y1}-${y3}）${A}各是多少`, `${Z}${String(y1).slice(2)}、${String(y1 + 1).slice(2)}、${String(y3).slice(2)}年的${A}都列一下`]);
    const unitOf = (c) => (c.cell && !/[^0-9.]/.test(c.disp) ? (m.cls === 'rate' ? '%' : m.unit) : '');
    questions.push({ id: nextId(), question: q, answer: `${z.full}${m.name}：${s.map((c) => `${c.y}年${c.disp}${unitOf(c)}`).join('，')}。`, numbers: s.map((c) => c.disp), source: articles[s[0].art].file, type: 'list', zone: z.full, year: s.map((c) => c.y), period: 'Y', kind: 'result', metric: m.name, measure: 'v', category: 'list-series', format: articles[s[0].art].format, article_kind: articles[s[0].art].kindTag });
    usedArt.add(s[0].art); made++;
  }
  for (const list of multiList) {
    if (made >= nList) break;
    if (usedArt.has(list[0].art)) continue;
    const pick = qr.sample(list, Math.min(list.length, qr.chance(0.3) ? 3 : 2));
    const c0 = pick[0], z = zoneById(c0.z);
    const Z = qZone(qr, z), Yr = qYear(qr, c0.y).replace(/^(\d{4})$/, '$1年'), P = periodWordQ(qr, c0.p);
    const phr = pick.map((c) => { const m = MET[c.m]; const A = qr.pick(m.q); return c.meas === 'g' ? `${A}${c.kind === 'target' ? '目标增速' : '增速'}` : `${A}${c.kind === 'target' ? '目标' : ''}`; });
    const tail = qr.pick(['分别是多少？', '各是多少', '分别多少']);
    const q = `${Z}${Yr}${P}${phr.slice(0, -1).join('、')}和${phr[phr.length - 1]}${tail}`;
    questions.push({ id: nextId(), question: q, answer: pick.map((c) => answerText(c).replace(/。$/, '')).join('；') + '。', numbers: pick.map((c) => c.disp.slice(c.disp.indexOf(c.num))), source: articles[c0.art].file, type: 'list', zone: z.full, year: c0.y, period: c0.p, kind: c0.kind, metric: pick.map((c) => MET[c.m].name), measure: pick.map((c) => c.meas), category: 'list-metrics', format: articles[c0.art].format, article_kind: articles[c0.art].kindTag });
    usedArt.add(c0.art); made++;
  }
}

// unanswerable look-alikes
{
  const pool = qr.shuffle(cands.filter((c) => c.kind === 'result' || c.kind === 'target'));
  const modes = ['zone', 'year', 'target', 'period'];
  let made = 0, mi = 0, guard = 0;
  const usedUK = new Set();
  while (made < nUnans && guard < pool.length * 4 && pool.length) {
    const c = pool[guard % pool.length];
    guard++;
    const mode = modes[mi % modes.length];
    const m = MET[c.m];
    let z = zoneById(c.z), y = c.y, p = c.p, kind = c.kind, meas = c.meas, note = '';
    if (mode === 'zone') {
      const sib = (ZONES_BY_CITY[z.city].length > 1 ? ZONES_BY_CITY[z.city] : ZONES.filter((x) => x.type === z.type)).filter((x) => x !== z && !byZMYP.has(`${x.id}|${c.m}|${c.y}|${c.p}`));
      if (!sib.length) continue;
      z = qr.pick(sib);
      note = `no article reports ${m.name} for ${z.full} in this period; the look-alike is ${zoneById(c.z).full}`;
    } else if (mode === 'year') {
      const ys = [2018, ...YEARS].filter((yy) => yy !== c.y && !byZMYP.has(`${c.z}|${c.m}|${yy}|${c.p}`) && Math.abs(yy - c.y) <= 3);
      if (!ys.length) continue;
      y = qr.pick(ys);
      note = `no article reports this for ${y}; the look-alike is ${c.y}`;
    } else if (mode === 'target') {
      if (c.kind !== 'result' || c.p !== 'Y' || !m.tgt) continue;
      const ms = byZMY.get(`${c.z}|${c.m}|${c.y}`) || [];
      if (ms.some((o) => o.kind !== 'result')) continue;
      if (c.y === 2025 && byBase.has(`${c.z}|${c.m}|2025|Y|fyp`)) continue;
      kind = 'target';
      meas = m.tgt === 'g' ? 'g' : m.tgt === 'v' ? 'v' : c.meas;
      note = 'only the result is reported, never a target';
    } else {
      const vp = ['Y', ...validPeriods(m)].filter((pp) => pp !== c.p && !byZMYP.has(`${c.z}|${c.m}|${c.y}|${pp}`));
      if (!vp.length || c.kind !== 'result') continue;
      p = qr.pick(vp);
      note = `reported for ${periodWordAns(c.p)} only, not for ${periodWordAns(p)}`;
    }
    const uk = `${z.id}|${c.m}|${y}|${p}|${kind}`;
    if (usedUK.has(uk)) continue;
    // the altered key must be absent from the archive (any kind for zone/year/period; any non-result for target)
    if (mode !== 'target' && byZMYP.has(`${z.id}|${c.m}|${y}|${p}`)) continue;
    usedUK.add(uk);
    questions.push({ id: nextId(), question: qText(qr, z, m, y, p, kind, meas), answer: '资料中没有', numbers: [], source: articles[c.art].file, type: 'unanswerable', zone: z.full, year: y, period: p, kind, metric: m.name, measure: meas, category: `unanswerable-${mode}`, note, format: articles[c.art].format, article_kind: articles[c.art].kindTag });
    made++; mi++;
  }
}
// interleave deterministically and renumber
qr.shuffle(questions);
questions.forEach((q, i) => { q.id = `archb-${String(i + 1).padStart(4, '0')}`; });

// ───────────────────────────── write ─────────────────────────────
fs.rmSync(path.join(OUT, 'articles'), { recursive: true, force: true });
fs.mkdirSync(path.join(OUT, 'articles'), { recursive: true });
for (const a of articles) fs.writeFileSync(path.join(OUT, 'articles', a.file), a.text);
fs.writeFileSync(path.join(OUT, 'questions.jsonl'), questions.map((q) => JSON.stringify(q)).join('\n') + (questions.length ? '\n' : ''));

// ───────────────────────────── verify from disk ─────────────────────────────
const files = fs.readdirSync(path.join(OUT, 'articles')).sort();
const hash = crypto.createHash('sha256');
let bytes = 0;
const texts = new Map();
for (const f of files) {
  const buf = fs.readFileSync(path.join(OUT, 'articles', f));
  bytes += buf.length;
  hash.update(f); hash.update('\0'); hash.update(buf); hash.update('\0');
  texts.set(f, buf.toString('utf8'));
}
const qbuf = fs.readFileSync(path.join(OUT, 'questions.jsonl'));
hash.update('questions.jsonl\0'); hash.update(qbuf);
const qs = qbuf.toString('utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
let bad = 0;
for (const q of qs) {
  const t = texts.get(q.source);
  if (!t) { bad++; console.error(`MISSING source ${q.source} for ${q.id}`); continue; }
  for (const n of q.numbers) {
    if (!t.includes(n)) { bad++; console.error(`NUMBER ${n} not in ${q.source} (${q.id})`); }
    if (!q.answer.includes(n)) { bad++; console.error(`NUMBER ${n} not in answer of ${q.id}`); }
  }
  if (q.type === 'unanswerable' && (q.numbers.length || q.answer !== '资料中没有')) { bad++; console.error(`bad unanswerable ${q.id}`); }
}
const tally = (arr, f) => { const o = {}; for (const x of arr) { const k = f(x); o[k] = (o[k] || 0) + 1; } return o; };
const ms = Number(process.hrtime.bigint() - T0) / 1e6;
console.log(`archive-b seed=${SEED} articles=${files.length} bytes=${bytes} (${(bytes / 1048576).toFixed(1)} MiB)`);
console.log('article kinds:', JSON.stringify(tally(articles, (a) => a.kindTag)));
console.log('formats:', JSON.stringify(tally(articles, (a) => a.format)));
console.log(`facts registered=${MENTIONS.length} distinct keys=${byBase.size} single-article candidates=${cands.length}`);
console.log(`questions=${qs.length} (asked for ${N_Q})`, JSON.stringify(tally(qs, (q) => q.type)));
console.log('categories:', JSON.stringify(tally(qs, (q) => q.category)));
console.log('source formats:', JSON.stringify(tally(qs, (q) => q.format)));
console.log(`verification: ${bad === 0 ? 'OK' : `${bad} problems`} — every question's numbers are in its source article and its answer`);
console.log(`digest sha256=${hash.digest('hex')}`);
console.log(`time ${(ms / 1000).toFixed(2)}s`);
if (bad) process.exit(1);
