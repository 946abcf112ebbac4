/**
 * The wrong-character tier on sentences written for these tests in the genre's style (not from the
 * ecspell file), plus its false-alarm bound on the clean ecspell targets.
 */
import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../../lib/engine/apply-fixes';
import type { Issue } from '../../../lib/engine/types';
import { createLmChecker, DEFAULT_TUNING, mergeTierIssues, TIER_RULE_ID } from '../../../lib/lm';
import { loadModelForNode, loadTierForNode } from '../../../scripts/lib/lm-node';
import { loadEcspellTargets } from '../../../scripts/lib/seeds';

const tier = loadTierForNode();
const errors = (text: string) => tier.issues(text).filter((i) => i.severity === 'error');

describe('wrong-char finds and fixes', () => {
  it.each([
    ['各级党组织书记要发挥代头作用，当好表率。', '各级党组织书记要发挥带头作用，当好表率。'],
    ['全体党员员干部要带头学习，深入基层。', '全体党员干部要带头学习，深入基层。'],
    ['我们深刻认识识到作风建设永远在路上。', '我们深刻认识到作风建设永远在路上。'],
    // A whole word of the same syllables picked from the input method's list.
    ['党员干部要密切练习群众，虚心听取意见。', '党员干部要密切联系群众，虚心听取意见。'],
    // A character of like shape (末 for 未: both 木 plus one stroke), read alone where it stands.
    ['展望末来，全体党员信心满怀。', '展望未来，全体党员信心满怀。'],
    // 乡 that starts 乡村 (乡镇) is no place suffix: the two characters before it are prose, not a name.
    ['各级党组织要在服物乡村振兴上持续用力。', '各级党组织要在服务乡村振兴上持续用力。'],
    ['各级党组织要主动服物乡镇企业发展。', '各级党组织要主动服务乡镇企业发展。'],
    // The coinage guard (抗疫) is for two-character fix words: 作责 inside 以身作则 is no coinage of its own.
    ['党员干部要以身作责，在攻坚克难中当好表率。', '党员干部要以身作则，在攻坚克难中当好表率。'],
    // … and gives way where the model's gain is far beyond a coinage's (价植 is none, though 价 and 植 are productive).
    ['深入开展调研，形成有价植的调研报告。', '深入开展调研，形成有价值的调研报告。'],
    // A character standing again two places away is a parallel frame, except in a fix that makes an idiom.
    ['我们坚持实事求事，把调研情况如实向党委报告。', '我们坚持实事求是，把调研情况如实向党委报告。'],
    // 一 of a word (进一步) is no count: the character after it stays open to fixes.
    ['各支部要进一部加强理论学习。', '各支部要进一步加强理论学习。'],
  ])('%s', (input, output) => {
    const found = errors(input);
    expect(found.length).toBeGreaterThan(0);
    for (const i of found) {
      expect(i.rule).toBe(TIER_RULE_ID);
      expect(i.category).toBe('typo');
      expect(i.message).toMatch(/[\u4e00-\u9fff]/);
      expect(input.slice(i.start, i.end)).toBe(i.text);
    }
    const fixed = applyFixes(input, found);
    expect(fixed).toBe(output);
    expect(errors(fixed)).toEqual([]);
  });

  it('reads a traditional-script line in simplified characters and writes its fix back in traditional', () => {
    const line = '支部書記要帶領黨員員幹部履職盡責。';
    const found = errors(line);
    expect(found.map((i) => [i.text, i.replacements[0]])).toEqual([['員員', '員']]);
    expect(applyFixes(line, found)).toBe('支部書記要帶領黨員幹部履職盡責。');
  });

  it('names the intended word in the message', () => {
    const [issue] = errors('各级党组织书记要发挥代头作用，当好表率。');
    expect(issue!.message).toContain('带头');
  });
});

describe('wrong-char costs', () => {
  it('caps the cost of a one-character fix that makes a word of four or more characters', () => {
    const text = '大家迫不急待地投入工作。';
    const capped = tier.findings(text).find((f) => f.fix === '及')!;
    const uncapped = loadTierForNode({ tuning: { longWord: 99 } }).findings(text).find((f) => f.fix === '及')!;
    expect(capped.word).toBe('迫不及待');
    expect(capped.margin - uncapped.margin).toBeCloseTo(tier.tuning.cost.same - tier.tuning.longWord, 9);
  });
  it('does not cap a whole-word homophone, whose two changed characters make compounds easily', () => {
    const text = '党员干部要密切练习群众，虚心听取意见。';
    const a = tier.findings(text).find((f) => f.kind === 'word');
    const b = loadTierForNode({ tuning: { longWord: 0 } }).findings(text).find((f) => f.kind === 'word');
    expect(a).toBeDefined();
    expect(b!.margin).toBeCloseTo(a!.margin, 9);
  });
});

describe('wrong-char doubt', () => {
  // 表律 (for 表率) is a slip the tier cannot mend with confidence; its best candidate comes close.
  const spoiled = '各级党组织书记要发挥代头作用，当好表律。';
  it('shows a fix as a hint when its sentence has another place that nearly reads as a slip', () => {
    const found = tier.issues(spoiled);
    expect(found.map((i) => [i.text, i.replacements[0], i.severity])).toEqual([['代', '带', 'info']]);
    expect(found[0]!.message).toContain('可能是');
    // The same fix is an error where the rest of the sentence reads right, or with doubt switched off.
    expect(errors('各级党组织书记要发挥代头作用，当好表率。').map((i) => i.replacements[0])).toEqual(['带']);
    const undoubting = loadTierForNode({ tuning: { doubt: null } });
    expect(undoubting.issues(spoiled).map((i) => i.severity)).toEqual(['error']);
  });
  it('takes no doubt from a written word read as another word of the same syllables (述职 is no sign of a spoiled sentence)', () => {
    const text = '我将以这次述职为起点，带领全体党员在接再厉，推动工作上新台阶。';
    const fixed = text.replace('在接', '再接');
    // The second look's near-winner: 述职 → 数值, within the doubt margin.
    const extra = -(tier.tuning.doubt ?? 0);
    const near = tier.findings(fixed, tier.tuning.relief, undefined, extra).filter((f) => f.margin - extra > (tier.tuning.doubt ?? 0));
    expect(near.map((f) => [f.text, f.kind])).toEqual([['述职', 'word']]);
    expect(errors(text).map((i) => i.replacements[0])).toEqual(['再']);
  });
  it('leaves sentences whose other places are far from a slip as they were', () => {
    const undoubting = loadTierForNode({ tuning: { doubt: null } });
    for (const text of ['各级党组织书记要发挥代头作用，坚决惟护党中央权威。', '要认真落实整该措施，发挥代头作用。']) {
      expect(tier.issues(text)).toEqual(undoubting.issues(text));
    }
  });
});

describe('wrong-char stranded characters', () => {
  // 犇 (a rare character no candidate mends) stands alone between words after the fix 代 → 带.
  const spoiled = '要发挥代头作用，推动各项工作犇上新台阶。';
  it('shows a fix as a hint when its sentence still holds a rare content character standing alone', () => {
    const plain = loadTierForNode({ tuning: { doubt: null } });
    expect(plain.issues(spoiled).map((i) => [i.text, i.replacements[0], i.severity])).toEqual([['代', '带', 'info']]);
    const unstranded = loadTierForNode({ tuning: { doubt: null, stranded: null } });
    expect(unstranded.issues(spoiled).map((i) => i.severity)).toEqual(['error']);
  });
  it('leaves a sentence whose other characters make words or are common as it was', () => {
    expect(errors('要发挥代头作用，推动各项工作上新台阶。').map((i) => i.replacements[0])).toEqual(['带']);
  });
});

describe('wrong-char leaves alone', () => {
  it.each([
    '深入学习习近平新时代中国特色社会主义思想，坚定理想信念。',
    '他担任驻村工作队队长已经三年，带领群众发展产业。',
    '认真组织学习《中国共产党纪律处分条例》和《关于新形势下党内政治生活的若干准则》。',
    '2024年全县新建党员活动室36个，覆盖率达到100%，GDP增长5.2%。',
    '支部书记𠮷祥同志带头讲党课，党员们认真做笔记。',
    '老干部们经常练习书法，陶冶情操。',
    '黨支部要把組織群衆、服務群衆的職責落到實處，真正建設成爲堅強戰鬥堡壘。',
    '要坚持以人民为中心的发展思想，把群众满意作为检验工作成效的标准。',
    // 为鉴 stands together in idioms (以史为鉴, 引以为鉴): not 坚守 however likely that word is.
    '深入开展警示教育，以案为鉴守纪律。',
    // A parallel frame: 述责 and 述廉 are halves of one phrasing, not 表述.
    '党委书记每年向全委会述责述廉，接受党员监督。',
    // Place names before 乡/镇/村 are names, however a likelier word would read.
    '调研组先后走访了柳溪乡、禾丰镇和石门村，召开座谈会三场。',
    // … also before a word the suffix may start: 乡 + 村民 reads as well as 乡村 + 民; 镇 + 镇长.
    '阔洪奇乡村民代表大会审议通过了村规民约。',
    // Parallel frames of four characters stay as written (the idiom exemption is for a fix that makes one).
    '坚持真管真严、敢管敢严、长管长严，发现问题边查边改、即知即改。',
    '做到应收尽收、应保尽保，坚持以学促干、以干促学。',
    // A double before an aspect particle: the second copy is a verb of its own.
    '我从头到尾读了两遍，笔记记了大半本。',
    '老党员的日记记着他几十年来的入党初心。',
    // A measure word after a count is the writer's unit (期合 is not 集合, 每起 is not 每期).
    '本期简报将第11期、第12期合编印发，供各支部交流。',
    '都按规定办，让每起案件都经得起检验。',
    '共查处违纪案件3起，给予党纪处分4人。',
    '全年共举办培训班6期，培训党员干部420人次。',
    '这几起典型案例教训深刻，务必引以为戒。',
    '湾沚镇镇长带队检查了防汛工作。',
    // Policy coinages the model lacks (lib/lm/tier-words.ts): 施策 is not 城市 of 因城.
    '各地要因城施策，稳妥推进城市更新。',
    '落实稳岗扩岗政策，开展助企纾困行动，推动控辍保学落实落细。',
  ])('%s', (text) => {
    expect(errors(text)).toEqual([]);
  });

  it('leaves coinages newer than the vocabulary alone (each character makes many words in its place)', () => {
    for (const text of ['我们要学习抗疫英雄的奉献精神。', '社区干部积极投身抗疫一线。']) {
      expect(errors(text)).toEqual([]);
      // Without the guard the model "corrects" the coinage to an older word (抗议).
      const unguarded = loadTierForNode({ tuning: { coinages: false } });
      expect(unguarded.issues(text).map((i) => i.replacements[0])).toContain('议');
    }
  });

  it('takes a character repeated two places on as a parallel phrasing (真减实减 is not 实践)', () => {
    const text = '为基层减负要在真减实减上见成效。';
    const at = text.lastIndexOf('减');
    const margin = (t: typeof tier) => t.findings(text).find((f) => f.start === at && f.fix === '践')?.margin;
    const plain = margin(loadTierForNode({ tuning: { parallel: 0, errorAt: 0, hintAt: 0 } }))!;
    expect(plain).toBeGreaterThan(1);
    expect(margin(loadTierForNode({ tuning: { errorAt: 0, hintAt: 0 } })) ?? 0).toBeLessThan(plain - 1);
    expect(errors(text)).toEqual([]);
  });

  // A tier that proposes fixes cheaply: what the guards below keep it from flagging, it would flag otherwise.
  const cheap = () =>
    loadTierForNode({ tuning: { cost: { ...DEFAULT_TUNING.cost, same: 0.5, near: 0.5, pair: 0.5, shape: 0.5 }, charRarity: 0, repeated: 0, coinages: false } });
  const fixesOf = (t: typeof tier, text: string) => t.findingsTwoPass(text).filter((f) => f.confidence >= t.tuning.errorAt).map((f) => `${f.text}→${f.fix}`);

  it('leaves a name after a title alone (主任高雨 is not 高于)', () => {
    expect(fixesOf(cheap(), '会议由办公室高雨主持。')).toContain('雨→于');
    for (const text of ['会议由办公室主任高雨主持。', '专项整治由局长高雨负责，副局长于伟配合。']) expect(fixesOf(cheap(), text)).toEqual([]);
  });

  it('leaves an abbreviation the text defines alone (以下简称特医)', () => {
    expect(fixesOf(cheap(), '特殊医学用途配方食品（特医）的注册管理。')).toContain('医→意');
    for (const text of ['特殊医学用途配方食品（以下简称特医）的注册管理。', '特殊医学用途配方食品（以下简称“特医”）的注册管理。'])
      expect(fixesOf(cheap(), text)).toEqual([]);
  });

  it('does not tie a character of an organ abbreviation to its suffix (网信办 is not 申办), but mends a full name (统计局)', () => {
    for (const text of ['会同中央网信办等有关单位开展清理整治。', '市委网信办、市公安局联合部署专项行动。']) expect(fixesOf(cheap(), text)).not.toContain('信→申');
    expect(fixesOf(tier, '以国家铳计局公布的数据为准。')).toContain('铳→统');
  });

  it('takes a grammar word between two copies of a character as a parallel frame (能推则推 is not 推测)', () => {
    const text = '坚持能推则推、能放则放，减少审批层级。';
    const at = text.indexOf('则');
    const margin = (t: typeof tier) => t.findings(text).find((f) => f.start === at)?.margin ?? 0;
    const cheapTuning = { cost: { ...DEFAULT_TUNING.cost, same: 0.5, near: 0.5, pair: 0.5, shape: 0.5 }, errorAt: 0, hintAt: 0 };
    const plain = margin(loadTierForNode({ tuning: { ...cheapTuning, parallel: 0 } }));
    expect(plain).toBeGreaterThan(1);
    expect(margin(loadTierForNode({ tuning: cheapTuning }))).toBeLessThan(plain - 1);
    expect(fixesOf(cheap(), text)).toEqual([]);
  });

  it('makes a mined pair pay more where the written characters are a word (事业成败 is not 成功)', () => {
    const text = '干部作风建设关系党的事业成败，必须常抓不懈。';
    expect(fixesOf(loadTierForNode({ tuning: { pairOnWord: 0 } }), text)).toContain('败→功');
    expect(fixesOf(tier, text)).toEqual([]);
  });

  it('makes a fix pay more when the written character is rarer than the fix (壮秧 is not 壮阳)', () => {
    const text = '春耕时节要育好壮秧。';
    const margin = (t: typeof tier) => t.findings(text).find((f) => f.fix === '阳')?.margin ?? 0;
    const plain = margin(loadTierForNode({ tuning: { charRarity: 0, errorAt: 0, hintAt: 0 } }));
    expect(plain).toBeGreaterThan(1);
    expect(margin(loadTierForNode({ tuning: { errorAt: 0, hintAt: 0 } }))).toBeLessThan(plain - 1);
    expect(errors(text)).toEqual([]);
  });

  it('takes written characters that the paragraph uses again as a term (股室 … 股室 is not 股市)', () => {
    const text = '县直各股室要落实责任，股室负责人带头。';
    const fixes = (t: typeof tier) => t.findings(text).map((f) => f.fix);
    expect(fixes(loadTierForNode({ tuning: { repeated: 0, errorAt: 0, hintAt: 0 } }))).toContain('市');
    expect(fixes(loadTierForNode({ tuning: { errorAt: 0, hintAt: 0 } }))).not.toContain('市');
  });

  it("drops a weaker finding inside a stronger one's word (潜移墨化: 默, not 迁移 of 潜)", () => {
    const text = '要以潜移墨化的方式开展教育。';
    const all = loadTierForNode({ tuning: { errorAt: 0, hintAt: 0 } }).findings(text);
    expect(all.map((f) => [f.text, f.fix, f.word])).toEqual([['墨', '默', '潜移默化']]);
  });

  it('never flags a word of the personal dictionary', () => {
    const text = '各级党组织书记要发挥代头作用，当好表率。';
    expect(errors(text).length).toBeGreaterThan(0);
    const withDictionary = loadTierForNode({ dictionary: ['代头作用'] });
    expect(withDictionary.issues(text)).toEqual([]);
  });

  it('flags at most 1 % of the clean official sentences (ecspell targets)', () => {
    const sentences = loadEcspellTargets();
    const flagged = sentences.filter((s) => errors(s).length > 0);
    expect(flagged.length / sentences.length).toBeLessThanOrEqual(0.01);
  });
});

describe('wrong-char caches', () => {
  it('answers a paragraph the same whatever the tier checked before (its caches of windows, words and homophones)', () => {
    const paragraphs = [
      '各级党组织书记要发挥代头作用，当好表率。',
      '党员干部要密切练习群众，虚心听取意见，问题改整要到位。',
      '全体党员员干部要带头学习，展望末来，信心满怀。',
      ...loadEcspellTargets().slice(0, 60),
    ];
    const fresh = paragraphs.map((p) => loadTierForNode().issues(p));
    const warm = loadTierForNode();
    for (let round = 0; round < 2; round++) paragraphs.forEach((p, k) => expect(warm.issues(p)).toEqual(fresh[k]));
    // And in the other order: what the tier keeps from later paragraphs changes nothing earlier.
    const back = loadTierForNode();
    for (let k = paragraphs.length - 1; k >= 0; k--) expect(back.issues(paragraphs[k]!)).toEqual(fresh[k]);
  });
});

describe('createLmChecker and mergeTierIssues', () => {
  it('reports offsets into the whole text, across paragraphs', () => {
    const checker = createLmChecker(loadModelForNode());
    const text = '第一段没有问题。\n各级党组织书记要发挥代头作用。';
    const issues = checker.check(text);
    expect(issues).toHaveLength(1);
    expect(text.slice(issues[0]!.start, issues[0]!.end)).toBe('代');
    expect(checker.check(text)).toEqual(issues);
  });

  it('drops tier issues that overlap a rule issue or whose text is accepted', () => {
    const rule: Issue = { rule: 'confusable-word', category: 'typo', severity: 'error', start: 2, end: 4, text: 'ab', replacements: ['x'], message: 'm' };
    const t = (start: number, text: string): Issue => ({ ...rule, rule: TIER_RULE_ID, start, end: start + text.length, text });
    const merged = mergeTierIssues([rule], [t(3, 'c'), t(6, 'd'), t(8, 'e')], ['e']);
    expect(merged.map((i) => [i.rule, i.start])).toEqual([
      ['confusable-word', 2],
      [TIER_RULE_ID, 6],
    ]);
  });
});
