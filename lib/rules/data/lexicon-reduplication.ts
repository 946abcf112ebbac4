/**
 * Word lists for the `repeated-word` rule.
 *
 * Source: compiled by hand for Wengao from standard Chinese grammar (重叠式: AA, AABB, ABAB; 尝试态动词重叠)
 * and checked against the official-document sentences in tests/fixtures/ecspell/odw.train.tsv and the
 * seed documents, where none of these produces a flag. Keep every list small and explicit: the rule is
 * meant to stay quiet unless a doubling is certainly a slip.
 */

/**
 * Function characters that are never doubled in written Chinese prose. A doubled copy of one of these
 * (要要, 的的, 了了) is flagged only when the word segmenter also sees two separate one-character words,
 * so 要要求 (要 + 要求), 为了了解 (为了 + 了解), 现在在 (现在 + 在), 的的确确 (AABB) stay quiet.
 * Left out on purpose: 一 个 等 各 每 多 人 天 处 说 看 想 让 会 比 曾 (all have legitimate doubles). 地 is in: its
 * legitimate doubles are AABB (地地道道) or cross a word the segmenter sees (基地|地址, 各地|地方); 认真地地 is a slip.
 */
export const NEVER_DOUBLED = '的地了要在是和把被将与及并就也都还从向为以由使给其而或但于之着得对这那我你他她它们不很更所因该应能有又才已再则即乃若且';

/**
 * Context exceptions for NEVER_DOUBLED characters: the doubled pair plus the text around it that makes it
 * legitimate, written as [before, pair, after]; "" matches anything. Mostly words the segmenter misses.
 */
export const DOUBLE_EXCEPTIONS: ReadonlyArray<readonly [string, string, string]> = [
  ['甚', '了了', ''], // 不甚了了
  ['时', '了了', ''], // 小时了了
  ['', '了了', '分明'], // 了了分明
  ['', '了了', '可见'],
  ['', '在在', '皆是'], // 在在皆是
  ['', '在在', '可见'],
  ['', '与与', '会'], // 与与会代表交流 = 与 + 与会代表
  ['', '对对', '口'], // 对对口支援 = 对 + 对口
  ['', '对对', '子'], // 对对子
  ['', '对对', '联'],
  ['', '对对', '碰'],
  ['', '的的', '士'], // 打的的士
  ['', '给给', '力'],
  ['', '将将', '就'], // 将 + 将就
  ['卿卿', '我我', ''], // 卿卿我我 (the second half of an AABB word)
  // Idioms ending in the place noun 地, then the adverbial 地 (设身处地地为群众着想); the pruned lexicon lacks them,
  // and the 天…地 frame (惊天动地) is read by the rule itself.
  ['设身处', '地地', ''],
  ['死心塌', '地地', ''],
  ['五体投', '地地', ''],
  ['一败涂', '地地', ''],
  ['肝脑涂', '地地', ''],
];

/**
 * ABAB words that are legitimate reduplications: verbs in the tentative aspect (研究研究 "look into it"),
 * and intensified adjectives (雪白雪白). A doubled two-character unit in this list is never flagged.
 */
export const ABAB_OK: ReadonlySet<string> = new Set(
  (
    '研究 讨论 学习 商量 考虑 了解 休息 锻炼 活动 交流 沟通 整理 打扫 收拾 准备 检查 练习 思考 琢磨 比较 ' +
    '介绍 体验 尝试 调查 分析 总结 反思 议论 请教 打听 帮助 关心 照顾 表扬 鼓励 批评 教育 宣传 熟悉 适应 ' +
    '放松 轻松 高兴 热闹 暖和 凉快 舒服 活跃 清醒 明白 溜达 比划 认识 见识 合计 盘算 打算 参观 观察 ' +
    '修改 调整 梳理 回顾 回忆 欣赏 感受 享受 庆祝 安慰 表示 ' +
    '提醒 指点 指导 点拨 考察 调研 掂量 斟酌 权衡 核实 核对 清点 盘点 统计 计算 估计 估算 摸底 了结 ' +
    '打磨 磨炼 历练 锤炼 充实 丰富 改善 提高 补充 完善 温习 复习 预习 演练 排练 试验 实验 ' +
    '雪白 通红 冰凉 笔直 漆黑 碧绿 火热 喷香 滚烫 瓦蓝 蜡黄 金黄 鲜红 冰冷 透亮 崭新 粉碎 ' +
    '哗啦 扑通 叮当 咕噜 轰隆 哐当 嘀嗒 滴答 呼啦 咯噔 ' +
    '再见 你好 好的 是的 对的 行了 算了 好吧 来了 走了 快点 慢点 加油'
  )
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * What may follow a doubled organisation name when the second copy starts a title or a unit:
 * 项目项目部, 第一党支部支部书记, XX中心中心主任. Such doubles are not slips.
 */
export const TITLE_AFTER: readonly string[] = [
  '长', '主任', '书记', '经理', '委员', '负责人', '部', '副', '常务', '主席', '成员', '队员', '干部', '人员',
  '办', '室', '处', '科', '组', '所', '站', '中心', '班子', '领导', '职工', '员工', '党员', '全体', '团队',
];

/**
 * Abbreviation + full word redundancies (国企 already contains 企业). [written, fix, never-followed-by].
 * Only these explicit pairs are flagged.
 */
export const REDUNDANCIES: ReadonlyArray<readonly [string, string, string]> = [
  ['国企企业', '国有企业', '家'], // 国企企业家 (SOE entrepreneurs) is fine
  ['央企企业', '中央企业', '家'],
  ['民企企业', '民营企业', '家'],
  ['私企企业', '私营企业', '家'],
  ['外企企业', '外资企业', '家'],
];

/**
 * Names that begin with a character which also ends common words, so that “word + name” looks like a
 * lone doubled character to the segmenter (学习|习|近平): neither Intl.Segmenter nor the pruned lexicon
 * knows them. Only names that this genre writes constantly belong here.
 */
export const NAMES_AFTER_DOUBLE: readonly string[] = ['习近平'];
