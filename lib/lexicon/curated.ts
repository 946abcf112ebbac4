/**
 * Hand corrections to jieba's word classes for the vocabulary of official prose. jieba gives each word one
 * tag, learnt from general text, so words of this genre are often missing (筑牢, 压实, 赋能) or tagged by
 * their other use only (全面 n, 大力 n, 部署 n, 健全 a, 及时 c). Classes listed here are added (OR) to the
 * generated ones. Keep entries to words whose extra class is certain in ordinary usage; each group says why.
 */
import { WordClass as C } from './classes';

/**
 * Verbs of the genre jieba lacks, or tags only as noun, adjective, adverb or abbreviation (部署 n, 利用 n,
 * 总结 n, 健全 a, 反对 d, 深化 j, 学 n).
 */
const VERBS =
  '夯实 压实 织密 筑牢 擦亮 做实 抓实 厚植 赋能 补齐 补强 拧紧 谋划 督导 对标 落细 细化 排查 摸排 研判 部署 履职 ' +
  '领会 深化 健全 落实 践行 检视 问责 守牢 用好 管好 抓牢 悟透 学懂 弄通 做细 压紧 扛起 盯紧 整改 宣讲 督办 ' +
  '淬炼 锤炼 锻造 固化 激活 盘活 联动 协同 减负 提质 增效 提速 攻坚 兜底 查摆 剖析 对照 查找 梳理 摸清 吃透 ' +
  '把准 找准 聚力 传导 落地 规范 指导 对接 理清 混入 利用 总结 联系 规定 反对 学 ' +
  // Reporting and casework verbs of administrative prose, which jieba tags as noun only (报告 n, 汇报 nz) or
  // keeps below the frequency floor: before an object they are verbs (如实报告个人事项, 及时通报情况).
  '报告 汇报 通报 申报 上报 呈报 公示 约谈 座谈 帮扶 整治 巡查 巡察 传承 补课';

/**
 * Words that are nouns as well as the verbs jieba calls them (负担 v: 减轻基层的负担), or plain nouns jieba tags
 * as adverbs (好处 d).
 */
const NOUNS_TOO = '负担 好处';

/**
 * Adjectives jieba tags otherwise (必要 d, 长远 d, 盲目 n, 合理 vn, 宝贵 nr as a name): they take 的 before a noun
 * (必要的经费, 宝贵的经验) and never 得.
 */
const ADJECTIVES = '必要 长远 盲目 宝贵 现实 合理';

/**
 * Manner words: before a verb they are adverbials (with 地) in this genre, but jieba tags them as noun,
 * attributive, conjunction, verb or plain adjective (全面 n, 主动 b, 及时 c, 深入 v), or lacks them (many
 * four-character set phrases). Words jieba already tags as adverb or status word are not repeated here, nor
 * regular derived forms (X性, 有X, X化, 全/多X, AABB), which the rules recognise by shape.
 */
const MANNER =
  '全面 深入 主动 及时 大力 着力 全力 精准 科学 系统 规范 有序 有力 高效 集中 统一 独立 公正 公平 具体 清楚 ' +
  '清醒 理性 灵活 热情 耐心 细心 用心 诚恳 虚心 准确 客观 圆满 出色 牢固 有效 扎实 广泛 较好 很好 轻易 创新 辩证 ' +
  '实事求是 毫不动摇 持之以恒 锲而不舍 一以贯之 尽心尽力 尽职尽责 旗帜鲜明 潜移默化 脚踏实地 兢兢业业 ' +
  '最大限度 最大程度 有的放矢 循序渐进 由浅入深 扎实有效 切实有效 积极主动 主动积极 积极稳妥 稳妥有序 ' +
  '认真细致 深入细致 精准有效 严肃认真 求真务实 真抓实干 坚持不懈 一丝不苟 不遗余力 满腔热情 全力以赴';

/** Nouns of party and government work that jieba lacks or keeps below the frequency floor. */
const NOUNS =
  '支部 党支部 党组织 党建 党委 党组 党课 党性 党风 党纪 党规 党章 初心 使命 带头人 支委 支委会 党小组 网格 ' +
  '村委 村委会 居委会 村级 基层 阵地 廉政 作风 纪律 制度 机制 台账 清单 短板 弱项 堵点 难点 痛点 成效 实效';

/** Degree and result complements after 得 (透彻 v, 到位 v in jieba). */
const COMPLEMENT =
  '到位 透彻 扎实 有效 充分 深入 细致 及时 出色 圆满 顺利 成功 红火 精彩 活跃 明显 突出 全面 具体 清楚 明白 彻底 ' +
  '规范 严格 认真 辛苦 踏实 牢固 准确 透 实 细 好 快 慢 多 少 深 广 准 严';

function entries(words: string, classes: number): Array<[string, number]> {
  return words.split(/\s+/).filter(Boolean).map((w) => [w, classes]);
}

/** Word → classes to add. */
export const CURATED: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>();
  for (const [w, c] of [
    ...entries(VERBS, C.Verb),
    ...entries(NOUNS, C.Noun),
    ...entries(NOUNS_TOO, C.Noun),
    ...entries(ADJECTIVES, C.Adjective),
    ...entries(MANNER, C.Manner),
    ...entries(COMPLEMENT, C.Complement),
  ]) map.set(w, (map.get(w) ?? 0) | c);
  return map;
})();
