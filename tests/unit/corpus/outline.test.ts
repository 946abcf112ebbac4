import { describe, expect, it } from 'vitest';
import { loadSeedDocs } from '../../../scripts/build-corpus';
import { layoutOf } from '../../../lib/corpus/layout';
import { outlineOf } from '../../../lib/corpus/outline';
import { missingSections, outlineReport } from '../../../lib/corpus/query';
import type { Section } from '../../../lib/corpus/types';

const seeds = loadSeedDocs();
const seed = (id: string) => seeds.find((d) => d.id === id)!.text;

/** [level, number, role, kind, title (first 24 characters, … when cut)] */
type Row = [number, string, string, string, string];
const row = (s: Section): Row => [s.level, s.number, s.role, s.kind, s.title.length > 24 ? `${s.title.slice(0, 24)}…` : s.title];

// Reviewed against the seed texts: every heading (numbered, inline after a lost line break, 一是-lists,
// unnumbered title lines, labels), its GB/T level and its role.
const EXPECTED: Record<string, Row[]> = {
  '000_e47277fee5db3365': [
    // essay 1: 如何提高基层党支部书记的履职能力1
    [1, '', 'measures', 'inline', '明确任职资格'],
    [1, '', 'measures', 'inline', '强化自身建设'],
    // run-in list (首先/其次/最后, 一是/二是/三是 after a sentence end or a comma) inside the paragraph: found since issue 7.
    [2, '首先', 'measures', 'list', '要认真学习、贯彻和落实党的十九大报告精神,严格律…'],
    [2, '其次', 'measures', 'list', '坚守岗位,不越权越位,做好自己的本职工作,发挥领…'],
    [2, '最后', 'measures', 'list', '党支部书记要要带领全体党政人员脚踏实地的做好本职…'],
    // essay 2: 如何提高基层党支部书记的履职能力2
    [1, '', 'intro', 'implicit', ''],
    [1, '一', 'problems', 'numbered', '当前基层党支部书记存在的问题'],
    [3, '1', 'problems', 'numbered', '政治素质素养不适应新形势下思想政治工作的需要'],
    [3, '2', 'problems', 'numbered', '党务工作能力欠缺,不能按规定组织开展党支部各项工…'],
    // run-in list (首先/其次/最后, 一是/二是/三是 after a sentence end or a comma) inside the paragraph: found since issue 7.
    [4, '一', 'problems', 'list', '对党务工作程序不掌握,对党务工作程序一知半解,不…'],
    [4, '二', 'problems', 'list', '单位各项工作党务行政不分家,影响了支部其他成员的…'],
    [4, '三', 'problems', 'list', '漠视组织原则,未按规定配置健全支委、议事决策,缺…'],
    [3, '3', 'problems', 'numbered', '组织协调能力弱,使党支部缺乏凝聚力'],
    [1, '二', 'causes', 'numbered', '对产生问题的原因分析'],
    [3, '1', 'causes', 'numbered', '思想认识不到位'],
    [3, '2', 'causes', 'numbered', '党务工作者素质不高'],
    [3, '3', 'causes', 'numbered', '存在形式主义、官僚主义现象'],
    [1, '三', 'measures', 'numbered', '如何提高基层党支部书记的履责能力'],
    [3, '1', 'measures', 'numbered', '增强工作事业心和责任感'],
    [3, '2', 'measures', 'numbered', '提高学习能力和综合素质'],
    [3, '3', 'measures', 'numbered', '增强调查研究能力和决策水平'],
    [3, '4', 'measures', 'numbered', '加强在岗培训,提高党支部书记的党务工作能力'],
    [3, '5', 'measures', 'numbered', '提高组织协调能力'],
    // run-in list (首先/其次/最后, 一是/二是/三是 after a sentence end or a comma) inside the paragraph: found since issue 7.
    [4, '首先', 'measures', 'list', '要做到及时化解矛盾,党支部书记一定要重视营造团结…'],
    [4, '其次', 'measures', 'list', '要做到经常通气交流,党支部书记要杜绝遇事强行拍板…'],
    [4, '最后', 'measures', 'list', '要做到稳定员工思想,作为党支部书记,应在调动班子…'],
    [1, '', 'conclusion', 'conclusion', '总之,党支部书记要时刻检查自己履责中可能存在的问…'],
    // essay 3: 如何提高基层党支部书记的履职能力3
    [1, '', 'intro', 'implicit', ''],
    [1, '一', 'measures', 'list', '树立围绕中心工作的大局意识'],
    [1, '二', 'measures', 'list', '要增强战斗堡垒作用的政治意识'],
    [1, '三', 'measures', 'list', '要树立先锋模范的先进意识'],
    [1, '', 'problems', 'title-line', '认清党支部工作中存在的问题'],
    // Run-in list after a colon inside the paragraph (“……主要存在:一是……。二是……。三是……”): the three
    // problems the section names (found since issue 7; they were missed before).
    [2, '一', 'problems', 'list', '依赖思想相对严重'],
    [2, '二', 'problems', 'list', '畏难情绪相对较大'],
    [2, '三', 'problems', 'list', '解决实际问题的能力较低'],
    [1, '', 'measures', 'title-line', '提高党支部书记能力建设的意见建议'],
    [2, '一', 'measures', 'list', '党支部书记在关键时刻和危难关头,要让党信得过、能…'],
    [2, '二', 'measures', 'list', '党支部书记要把解决问题干成事作为检验政治忠诚的标…'],
    [2, '三', 'measures', 'list', '党支部书记要树立服务思维,健全成事机制,为群众干…'],
    // essay 4: 如何提高基层党支部书记的履职能力4
    [1, '', 'intro', 'implicit', ''],
    [1, '一', 'problems', 'numbered', '当前基层书记存在的问题'],
    [3, '1', 'problems', 'numbered', '政治素质修养不适应新形势下思想政治工作的需要'],
    [3, '2', 'problems', 'numbered', '党务工作能力欠缺,不能按规定组织开展基层各项工作'],
    // run-in list (首先/其次/最后, 一是/二是/三是 after a sentence end or a comma) inside the paragraph: found since issue 7.
    [4, '一', 'problems', 'list', '对党务工作程序不掌握,对党务工作程序一知半解,不…'],
    [4, '二', 'problems', 'list', '单位各项工作党务行政不分家,影响了支部其他成员的…'],
    [4, '三', 'problems', 'list', '漠视组织原则,不按规定配置健全支委、议事决策,缺…'],
    [3, '3', 'problems', 'numbered', '组织协调能力弱,使缺乏凝聚力'],
    [1, '二', 'causes', 'numbered', '对产生问题的原因剖析'],
    [3, '1', 'causes', 'numbered', '思想认识不到位'],
    [3, '2', 'causes', 'numbered', '党务工作者素质不高'],
    [3, '3', 'causes', 'numbered', '存在形式主义、官僚主义现象'],
    [1, '三', 'measures', 'numbered', '对提高基层书记履职能力的思考'],
    [3, '1', 'measures', 'numbered', '增强工作事业心和责任感'],
    [3, '2', 'measures', 'numbered', '提高学习能力和综合素质'],
    [3, '3', 'measures', 'numbered', '增强调查研究能力和决策水平'],
    [3, '4', 'measures', 'numbered', '加强在岗培训,提高书记党务工作能力'],
    [3, '5', 'measures', 'numbered', '提高组织协调能力'],
    // run-in list 一要/二要/三要 (a speech's run-in form): found since issue 7.
    [4, '一', 'measures', 'list', '做到及时化解矛盾,书记要重视并及时化解矛盾,营造…'],
    [4, '二', 'measures', 'list', '做到经常通气交流,支部书记要严禁遇事强行拍板的家…'],
    [4, '三', 'measures', 'list', '做到稳定成员思想,作为书记,应在调动班子成员工作…'],
    [1, '', 'conclusion', 'conclusion', '总之,书记要时刻检查自己在履职中可能存在的问题,…'],
    // essay 5: 如何提高基层党支部书记的履职能力5
    [1, '', 'intro', 'implicit', ''],
    [1, '一', 'measures', 'numbered', '作为基层党支部书记,要在全心全意投入工作的同时,…'],
    [2, '一', 'measures', 'numbered', '是要强化服务意识'],
    [2, '二', 'measures', 'numbered', '是要强化监督意识'],
    [2, '三', 'measures', 'numbered', '是要强化协调意识'],
    // run-in list (首先/其次/最后, 一是/二是/三是 after a sentence end or a comma) inside the paragraph: found since issue 7.
    [3, '首先', 'measures', 'list', '要协调好与单位行政领导的关系,平时要同行政领导多…'],
    [3, '其次', 'measures', 'list', '要协调好内部各科室之间的关系,调动各方面的积极因…'],
    [3, '再次', 'measures', 'list', '是要协调好同志们之间的关系,一个单位的同志工作在…'],
    [2, '四', 'measures', 'numbered', '是要强化预见意识'],
    [1, '二', 'measures', 'numbered', '支部书记在具体工作中要能够学以致用,用心投入工作…'],
    [2, '一', 'measures', 'numbered', '提高组织领导能力'],
    [2, '二', 'measures', 'numbered', '提高说服教育能力'],
    [2, '三', 'measures', 'numbered', '提高正确决策的能力'],
    [2, '四', 'measures', 'numbered', '提高社会交往能力'],
  ],
  '001_fe0510cc6dddd132': [
    // essay 1: 浅谈党支部书记如何发挥表率作用
    [1, '', 'intro', 'implicit', ''],
    [1, '一', 'measures', 'numbered', '加强学习,保持思想上领先'],
    [1, '二', 'measures', 'numbered', '注重实际,保证组织活动有力'],
    // run-in list 一要/二要/三要 (a speech's run-in form): found since issue 7.
    [2, '一', 'measures', 'list', '精心组织,加强领导'],
    [2, '二', 'measures', 'list', '联系实际,学以致用'],
    [2, '三', 'measures', 'list', '行动迅速,注重实效'],
    [1, '三', 'measures', 'numbered', '加强交流,凝心聚力筑堡垒'],
    // Run-in lists opened at a paragraph start (一是…。二是… / 一是…;二是…;三是…;四是…): the sub-points of
    // 三、 and 四、 (found since issue 7; they were missed before).
    [2, '一', 'measures', 'list', '加强交流,建立和完善党员访谈制度'],
    [2, '二', 'measures', 'list', '联系工作实际,着力提高党组织的影响力和战斗力'],
    [1, '四', 'measures', 'numbered', '完善制度,配强班子扎实工作'],
    [2, '一', 'measures', 'list', '通过民主选举,把那些能干事、愿干事,热心为大家服…'],
    [2, '二', 'measures', 'list', '完善党支部目标管理办法,使党建工作进一步规范化、…'],
    [2, '三', 'measures', 'list', '要经常深入基层班组,开展调查研究,了解党员的工作…'],
    [2, '四', 'measures', 'list', '建立党建活动宣传栏,把学习体会、党建活动体会、好…'],
    [1, '五', 'measures', 'numbered', '创新载体,丰富党建工作'],
  ],
  '002_83b45e4dfa1e5ea3': [
    // essay 1: 如何做好合格的基层党支部书记
    // 摘要 and 关键词 open sections of their own (unnumbered section lines, issue 7): the abstract is the
    // paper's introduction, the keywords belong to no section role.
    [1, '', 'intro', 'label', '摘要'],
    [1, '', 'other', 'label', '关键词'],
    [1, '', 'intro', 'label', '前言'],
    [1, '一', 'intro', 'numbered', '基层党支部书记抓好党建工作的重要性'],
    [3, '1', 'intro', 'numbered', '先进的政治思想思想推动着企业经济发展'],
    [3, '2', 'intro', 'numbered', '提升党员队伍的综合素质'],
    [3, '3', 'intro', 'numbered', '充分调动职工积极性'],
    [1, '二', 'problems', 'numbered', '党支部书记在基层党建工作存在的问题分析'],
    [1, '三', 'measures', 'numbered', '做一名合格的基层党支部书记的策略'],
    [3, '1', 'measures', 'numbered', '加强政治觉悟的不段提升认识'],
    [3, '2', 'measures', 'numbered', '注重基层党支部书记综合素质的提高'],
    [3, '3', 'measures', 'numbered', '加强党建工作信息化的使用'],
    [3, '4', 'measures', 'numbered', '基层党支部书记要发挥先锋模范作用'],
    [3, '5', 'measures', 'numbered', '在工作中要不断提高工作能力'],
    [1, '', 'conclusion', 'label', '结束语'],
    [1, '', 'other', 'label', '参考文献'],
  ],
  '003_34bce22a2a68b5f6': [
    // essay 1: 如何当好党支部书记
    [1, '', 'intro', 'implicit', ''],
    [1, '一', 'problems', 'numbered', '当前党支部书记现状和存在的问题'],
    [3, '1', 'problems', 'numbered', '政治素质修养不够，不能很好地适应新形势下的思想政…'],
    [3, '2', 'problems', 'numbered', '党务工作能力欠缺，开展党务活动能力比较弱'],
    [3, '3', 'problems', 'numbered', '开拓创新意识不强，对各项工作的发展缺乏远见'],
    [1, '二', 'causes', 'numbered', '产生问题的原因'],
    [3, '1', 'causes', 'numbered', '对党建工作认识不足'],
    [3, '2', 'causes', 'numbered', '工作责任心不到位'],
    [3, '3', 'causes', 'numbered', '党建工作创新无力度'],
    [1, '三', 'measures', 'numbered', '对策'],
    [3, '1', 'measures', 'numbered', '不断提升素质，当好“指挥员”'],
    // run-in list 一要/二要/三要 (a speech's run-in form): found since issue 7.
    [4, '一', 'measures', 'list', '提升自身的政治素质'],
    // run-in list inside the paragraph (首先…其次…最后, 一是…二是…三是): found since issue 7.
    [4, '首先', 'measures', 'list', '具有坚定的政治立场'],
    [4, '其次', 'measures', 'list', '必须具有正确的思想观点'],
    [4, '最后', 'measures', 'list', '必须在政治上、思想上、行动上同党中央保持一致，不…'],
    // run-in list 一要/二要/三要 (a speech's run-in form): found since issue 7.
    [4, '二', 'measures', 'list', '提升自身的品德素质'],
    [4, '三', 'measures', 'list', '提升自身的知识素质'],
    [3, '2', 'measures', 'numbered', '努力提高能力，当好“战斗员”'],
    // run-in list inside the paragraph (首先…其次…最后, 一是…二是…三是): found since issue 7.
    [4, '一', 'measures', 'list', '提高组织领导能力'],
    [4, '二', 'measures', 'list', '提高沟通协调能力'],
    [4, '三', 'measures', 'list', '提高正确决策的能力'],
    [3, '3', 'measures', 'numbered', '强化责任意识，当好“服务员”'],
    // run-in list inside the paragraph (首先…其次…最后, 一是…二是…三是): found since issue 7.
    [4, '首先', 'measures', 'list', '要强化责任意识'],
    [4, '其次', 'measures', 'list', '强化模范意识'],
  ],
  '004_b3b420117dcbd26e': [
    // essay 1: 浅谈如何做好基层党建工作
    [1, '', 'intro', 'implicit', ''],
    [1, '一', 'measures', 'numbered', '增强党员意识,心中装着党的事业,忠心耿耿为党工作…'],
    [1, '二', 'measures', 'numbered', '健全制度,增强责任,强化党的职能是做好基层党建工…'],
    [1, '三', 'measures', 'numbered', '充分发挥思想政治鼓舞士气,激励斗志的作用思想政治…'],
    // essay 2: 浅谈如何做好基层党建工作
    [1, '', 'intro', 'implicit', ''],
    [1, '一', 'problems', 'numbered', '基层党建工作存在的问题'],
    [2, '一', 'problems', 'numbered', '对基层党建工作重视程度不够'],
    [2, '二', 'problems', 'numbered', '党员的模范带头作用不强'],
    [1, '一', 'problems', 'numbered', '基层党建工作存在的问题'],
    [2, '一', 'problems', 'numbered', '对基层党建工作重视程度不够'],
    [2, '二', 'problems', 'numbered', '党员的模范带头作用不强'],
  ],
};

describe('outlineOf on the seed essays', () => {
  for (const [id, rows] of Object.entries(EXPECTED)) {
    it(`pins every heading of ${id}`, () => {
      const text = seed(id);
      const sections = outlineOf(text);
      expect(sections.map(row)).toEqual(rows);
      for (const s of sections) {
        expect(s.start).toBeLessThan(s.end);
        const slice = text.slice(s.start, s.end);
        if (s.kind !== 'implicit') expect(slice).toContain(s.title.slice(0, 8));
        if (s.kind === 'numbered') expect(slice.startsWith(s.number) || /^[（(]/.test(slice)).toBe(true);
      }
    });
  }

  it('gives the same outline for one essay cut out of a collection (offsets shifted)', () => {
    const text = seed('000_e47277fee5db3365');
    const layout = layoutOf(text);
    expect(layout.essays.map((e) => e.title)).toEqual([1, 2, 3, 4, 5].map((n) => `如何提高基层党支部书记的履职能力${n}`));
    const whole = outlineOf(text);
    for (const essay of layout.essays) {
      const part = outlineOf(text.slice(essay.start, essay.end));
      const inWhole = whole.filter((s) => s.start >= essay.start && s.end <= essay.end);
      expect(part.map((s) => ({ ...s, start: s.start + essay.start, end: s.end + essay.start }))).toEqual(inWhole);
    }
  });

  it('finds the inline heading fused into its paragraph (lost line break)', () => {
    const text = seed('004_b3b420117dcbd26e');
    const s = outlineOf(text).find((x) => x.number === '二' && x.role === 'measures')!;
    expect(s.title.startsWith('健全制度,增强责任,强化党的职能是做好基层党建工作的关键党支部是')).toBe(true);
    expect(text.slice(s.start, s.start + 2)).toBe('二、');
    expect(text[s.start - 1]).toBe('。');
  });

  it('ignores web residue, titles and references; front matter gives only its label', () => {
    const text = seed('002_83b45e4dfa1e5ea3');
    const sections = outlineOf(text);
    const titles = sections.map((s) => s.title);
    for (const t of ['如何做好合格的基层党支部书记', '高成', '/ 2']) expect(titles).not.toContain(t);
    expect(titles.some((t) => t.startsWith('[1]'))).toBe(false);
    // 摘要：… is a section whose heading is the label alone, not the abstract's text.
    const abstract = sections.find((s) => s.title === '摘要')!;
    expect(text.slice(abstract.start, abstract.end)).toMatch(/^摘\s*要\s*[:：]$/);
  });
});

describe('heading forms', () => {
  const cases: [string, string, Row[]][] = [
    [
      'GB/T numbering, sub-headings inherit the role',
      '一、存在的问题\n（一）学习不深入。有的党员学习流于形式，满足于读读报纸、念念文件。\n1.理论学习不系统。\n（1）缺少计划。\n二、对策建议\n(一)加强学习。要把理论学习摆在首位，坚持不懈。\n',
      [
        [1, '一', 'problems', 'numbered', '存在的问题'],
        [2, '一', 'problems', 'numbered', '学习不深入'],
        [3, '1', 'problems', 'numbered', '理论学习不系统'],
        [4, '1', 'problems', 'numbered', '缺少计划'],
        [1, '二', 'measures', 'numbered', '对策建议'],
        [2, '一', 'measures', 'numbered', '加强学习'],
      ],
    ],
    [
      'a sub-heading that names its own role overrides its parent',
      '一、主要问题\n1、表现在作风上。有的干部作风漂浮，工作不实。\n2、产生问题的原因。主要是思想认识不到位，监督不力。\n',
      [
        [1, '一', 'problems', 'numbered', '主要问题'],
        [3, '1', 'problems', 'numbered', '表现在作风上'],
        [3, '2', 'causes', 'numbered', '产生问题的原因'],
      ],
    ],
    [
      '一是-lists at paragraph starts (need a sibling), 首先/其次/最后, labels',
      '引言\n党支部是党的基础组织，是党的全部工作和战斗力的基础，必须抓紧抓实抓好。\n一是加强理论武装。坚持用党的创新理论武装头脑，做到学思用贯通。\n二是健全工作制度。严格落实“三会一课”等组织生活制度，推动工作规范。\n首先，要统一思想。党员干部要把思想统一到上级部署上来，形成合力。\n其次，要压实责任。层层签订责任书，确保各项任务落到实处。\n最后，要强化考核。把考核结果作为评先评优的重要依据。\n结束语\n总之，抓好支部建设是一项长期任务，需要持之以恒，久久为功。\n',
      [
        [1, '', 'intro', 'label', '引言'],
        [2, '一', 'intro', 'list', '加强理论武装'],
        [2, '二', 'intro', 'list', '健全工作制度'],
        [2, '首先', 'intro', 'list', '要统一思想'],
        [2, '其次', 'intro', 'list', '要压实责任'],
        [2, '最后', 'intro', 'list', '要强化考核'],
        [1, '', 'conclusion', 'label', '结束语'],
      ],
    ],
    [
      'a lone 一是 is body text; 第一，…第二， are a list; 总之 closes the essay',
      '加强支部建设，关键在人。一是要选好书记，二是要建强班子。\n一是要选好书记，这一点最为重要，决定支部的战斗力。\n第一，坚持党建引领。把党的领导贯穿生产经营全过程，确保方向正确。\n第二，坚持问题导向。聚焦群众急难愁盼，逐项研究解决办法。\n总之，只要我们坚持不懈，支部建设一定能够取得新的成效。\n',
      [
        [1, '', 'intro', 'implicit', ''],
        [1, '一', 'measures', 'list', '坚持党建引领'],
        [1, '二', 'measures', 'list', '坚持问题导向'],
        [1, '', 'conclusion', 'conclusion', '总之，只要我们坚持不懈，支部建设一定能够取得新的…'],
      ],
    ],
    [
      'unnumbered title lines and inline first sentences',
      '浅谈基层党支部建设\n基层党支部是党在基层的战斗堡垒，其建设水平直接关系到党的执政基础是否牢固。\n当前基层党支部存在的问题\n有的支部组织生活不正常，有的党员意识淡薄，作用发挥不明显，群众对此意见较大。\n对策\n明确工作职责。支部书记要履行第一责任人职责，班子成员要落实一岗双责，形成齐抓共管的格局。\n完善制度机制。要建立健全学习、议事、考核等制度，用制度管人管事，确保支部工作有章可循。\n',
      [
        [1, '', 'intro', 'implicit', ''],
        [1, '', 'problems', 'title-line', '当前基层党支部存在的问题'],
        // 对策 on a line of its own is one of the section labels (a 'label' since issue 7).
        [1, '', 'measures', 'label', '对策'],
        // Inline first sentences under a titled section are its items, one level below it.
        [2, '', 'measures', 'inline', '明确工作职责'],
        [2, '', 'measures', 'inline', '完善制度机制'],
      ],
    ],
  ];
  for (const [name, text, rows] of cases) {
    it(name, () => {
      expect(outlineOf(text).map(row)).toEqual(rows);
    });
  }

  it('keeps exact UTF-16 offsets with CRLF and astral characters', () => {
    const text = '𠮷标题\r\n𠮷𠮷前面有一段较长的引言文字，用来说明写作的背景和目的，以及本文的主要结构安排。\r\n一、存在的问题\r\n二、对策\r\n';
    const sections = outlineOf(text);
    const heading = sections.find((s) => s.number === '一')!;
    expect(text.slice(heading.start, heading.end)).toBe('一、存在的问题');
    const intro = sections.find((s) => s.kind === 'implicit')!;
    expect(text.slice(intro.start, intro.end).startsWith('𠮷𠮷前面')).toBe(true);
  });

  it('never throws on odd input', () => {
    for (const t of ['', '\n\n', '一、', '（一）', '一是', '总之，', '\ud800\udc00', 'a'.repeat(100000), '一、'.repeat(5000), '。一、'.repeat(3000)]) {
      expect(() => outlineReport(t)).not.toThrow();
    }
  });
});

describe('missingSections', () => {
  const text = seed('003_34bce22a2a68b5f6');
  const sections = outlineOf(text);
  const top = (role: string) => sections.find((s) => s.level === 1 && s.role === role && s.kind === 'numbered')!;
  /** The seed essay with the top-level section of `role` (heading to the next top-level heading) removed. */
  const without = (...roles: string[]) => {
    let t = text;
    for (const role of roles) {
      const start = t.indexOf(text.slice(top(role).start, top(role).end));
      const nextTop = outlineOf(t).find((s) => s.level === 1 && s.start > start);
      t = t.slice(0, start) + (nextTop ? t.slice(nextTop.start) : '');
    }
    return t;
  };

  it('finds nothing but the conclusion missing in 003 (intro, problems, causes, measures present)', () => {
    expect(missingSections(text).map((m) => m.role)).toEqual(['conclusion']);
  });

  it('says which sections were removed, where they would go, with a corpus example', () => {
    const draft = without('causes');
    const missing = missingSections(draft);
    expect(missing.map((m) => m.role)).toEqual(['causes', 'conclusion']);
    const causes = missing[0]!;
    expect(causes.name).toBe('原因分析');
    expect(causes.after).toBe('problems');
    expect(draft.slice(causes.insertAt).startsWith('三、对策')).toBe(true);
    expect(causes.example).toMatch(/原因/);
    expect(causes.wordings.some((w) => w.includes('产生问题的原因'))).toBe(true);
    expect(missing[1]!.insertAt).toBe(draft.trimEnd().length);
  });

  it('handles several removed sections in their usual order', () => {
    const draft = without('problems', 'measures');
    const missing = missingSections(draft);
    expect(missing.map((m) => m.role)).toEqual(['problems', 'measures', 'conclusion']);
    expect(missing[0]!.example).toMatch(/存在的问题/);
    expect(missing[0]!.wordings).toContain('当前……存在的问题');
    expect(draft.slice(missing[0]!.insertAt).startsWith('二、产生问题的原因')).toBe(true);
    expect(missing[1]!.after).toBe('causes');
  });

  it('suggests the causes and measures sections for a draft with only a problems section', () => {
    const draft = '一、当前党支部工作存在的问题\n（一）理论学习不够深入。部分党员满足于读文件、记笔记，学用脱节。\n（二）组织生活不够规范。“三会一课”时间不固定，内容单一。\n';
    const missing = missingSections(draft);
    expect(missing.map((m) => m.role)).toEqual(['intro', 'causes', 'measures', 'conclusion']);
    expect(missing.find((m) => m.role === 'measures')!.example.length).toBeGreaterThan(1);
    expect(missing[0]!.insertAt).toBe(0);
  });

  it('returns nothing for an empty draft', () => {
    expect(missingSections('  \n')).toEqual([]);
  });
});

describe('list markers need their form', () => {
  it('第一书记 / 第二天 are not list items', () => {
    const text = '第一书记要带头讲党课，把理论学习抓在经常。\n第二天，支部组织党员开展志愿服务活动，效果很好。\n';
    expect(outlineOf(text).filter((s) => s.kind === 'list')).toEqual([]);
  });
});

describe('heading forms of issue 7', () => {
  const rows = (text: string) => outlineOf(text).filter((s) => s.kind !== 'implicit').map(row);
  const para = '这一段是正文，用来把上下两个标题隔开，内容本身并不重要，只要足够长就可以。';

  it('a rectification report: field labels under a sub-heading, problems named as the items rectified', () => {
    const text = [
      '一、反馈问题的整改落实情况',
      '（一）关于理论学习不够深入的问题',
      '整改措施：一是建立“第一议题”制度，全年开展集体学习十二次；二是每季度开展一次专题研讨。',
      '整改成效：已完成整改，相关制度已印发执行。',
      '（二）关于组织生活不够规范的问题',
      '整改措施：一是规范“三会一课”制度；二是建立支部工作台账，按月检查。',
      '二、存在的不足',
      para,
    ].join('\n');
    expect(rows(text)).toEqual([
      [1, '一', 'measures', 'numbered', '反馈问题的整改落实情况'],
      [2, '一', 'measures', 'numbered', '关于理论学习不够深入的问题'],
      [3, '一', 'measures', 'list', '建立“第一议题”制度，全年开展集体学习十二次'],
      [3, '二', 'measures', 'list', '每季度开展一次专题研讨'],
      [2, '二', 'measures', 'numbered', '关于组织生活不够规范的问题'],
      [3, '一', 'measures', 'list', '规范“三会一课”制度'],
      [3, '二', 'measures', 'list', '建立支部工作台账，按月检查'],
      [1, '二', 'problems', 'numbered', '存在的不足'],
    ]);
  });

  it('work done is a report (履职情况, 工作开展情况: other), a rectification account measures; criteria sections are other', () => {
    const roleOf = (title: string) => rows(`一、${title}\n${para}\n二、存在的问题\n${para}\n`)[0]![2];
    // The decision on report sections: see tests/unit/corpus/outline-roles.test.ts and $reports in roles.json.
    expect(roleOf('履职尽责情况')).toBe('other');
    expect(roleOf('主要工作开展情况')).toBe('other');
    expect(roleOf('巡察整改落实情况')).toBe('measures');
    expect(roleOf('履行职责情况')).toBe('other');
    expect(roleOf('个人廉洁自律情况')).toBe('other');
    expect(roleOf('意识形态工作责任制落实情况')).toBe('other');
    expect(roleOf('基本情况')).toBe('intro');
    expect(roleOf('创建标准')).toBe('other');
    expect(roleOf('申报条件')).toBe('other');
    // A lecture's “why” section states the significance.
    expect(roleOf('为什么要深入学习贯彻党的创新理论')).toBe('intro');
  });

  it('run-in 一是/二是 after a colon inside a paragraph, one level below the heading', () => {
    const text = `一、存在的不足\n对照先进找差距，主要有：一是学习不够系统，满足于读原文；二是调研不够深入，情况掌握不全；三是落实不够有力。\n二、下一步打算\n${para}\n`;
    expect(rows(text)).toEqual([
      [1, '一', 'problems', 'numbered', '存在的不足'],
      [2, '一', 'problems', 'list', '学习不够系统，满足于读原文'],
      [2, '二', 'problems', 'list', '调研不够深入，情况掌握不全'],
      [2, '三', 'problems', 'list', '落实不够有力'],
      [1, '二', 'measures', 'numbered', '下一步打算'],
    ]);
  });

  it('a numbered heading sentence ends at the colon that opens a run-in list', () => {
    const text = '一、主要问题及表现。从检查情况看：一是台账不全；二是记录不实。\n';
    const s = outlineOf(text).filter((x) => x.kind !== 'implicit');
    expect(s.map((x) => x.number)).toEqual(['一', '一', '二']);
    expect(text.slice(s[0]!.start, s[0]!.end)).toBe('一、主要问题及表现。');
  });

  it('第一，/第二，, 其一，/其二，, 首先/其次/最后 at paragraph starts and after sentence ends', () => {
    const text = [
      '三、问题产生的根源',
      '第一，思想上重视不够。一些同志把党建当作软任务。',
      '第二，制度上约束不严。有的制度执行打了折扣。',
      '四、改进的办法',
      '其一，抓学习。每月安排一次集中学习。其二，抓督导。每季度开展一次检查。',
      '首先，要完善机制。建立责任清单。其次，要强化考核。考核结果与评先挂钩。最后，要注重激励。',
    ].join('\n');
    expect(rows(text)).toEqual([
      [1, '三', 'causes', 'numbered', '问题产生的根源'],
      [2, '一', 'causes', 'list', '思想上重视不够'],
      [2, '二', 'causes', 'list', '制度上约束不严'],
      [1, '四', 'measures', 'numbered', '改进的办法'],
      [2, '一', 'measures', 'list', '抓学习'],
      [2, '二', 'measures', 'list', '抓督导'],
      [2, '首先', 'measures', 'list', '要完善机制'],
      [2, '其次', 'measures', 'list', '要强化考核'],
      [2, '最后', 'measures', 'list', '要注重激励'],
    ]);
  });

  it('takes no heading from numbers and lone markers in running text', () => {
    const text = [
      '2023年，全县安排1.5亿元用于村级阵地建设，第一书记全部到岗。',
      '1.5亿元专项资金已经拨付到位，各乡镇正在抓紧实施。',
      '做好这项工作，首先要摸清底数，这是一切工作的前提。',
      '驻村干部要一是一、二是二，实事求是地反映情况。',
      '第二天，工作组召开座谈会，听取了群众意见。',
      '唯一是的选择就是迎难而上。',
      '关键在人。一是要选好书记，二是要配强班子。',
    ].join('\n');
    expect(rows(text)).toEqual([]);
  });

  it('decimal numbering 1 / 1.1 / 1.1.1 and its levels', () => {
    const text = [
      '1 研究背景',
      para,
      '1.1 问题的提出',
      para,
      '2 现状与问题',
      '2.1 主要成效',
      para,
      '2.2 存在的短板',
      '2.2.1 队伍结构不优',
      para,
      '2.2.2 保障投入不足',
      para,
      '3．对策建议',
      '3．1 健全工作机制',
      para,
    ].join('\n');
    expect(rows(text)).toEqual([
      [1, '1', 'intro', 'numbered', '研究背景'],
      [2, '1.1', 'intro', 'numbered', '问题的提出'],
      [1, '2', 'problems', 'numbered', '现状与问题'],
      [2, '2.1', 'problems', 'numbered', '主要成效'],
      [2, '2.2', 'problems', 'numbered', '存在的短板'],
      [3, '2.2.1', 'problems', 'numbered', '队伍结构不优'],
      [3, '2.2.2', 'problems', 'numbered', '保障投入不足'],
      [1, '3', 'measures', 'numbered', '对策建议'],
      [2, '3．1', 'measures', 'numbered', '健全工作机制'],
    ]);
  });

  it('1）/2) items in a sequence are level 4; a lone one is text', () => {
    const text = `（二）完善制度\n1）建立学习制度。每月集中学习一次。\n2)建立考核制度。每季度考核一次。\n${para}\n3）月份的安排另行通知。\n`;
    expect(rows(text)).toEqual([
      [2, '二', 'measures', 'numbered', '完善制度'],
      [4, '1', 'measures', 'numbered', '建立学习制度'],
      [4, '2', 'measures', 'numbered', '建立考核制度'],
    ]);
  });

  it('a lone "1 …" line or a quantity is not a decimal heading', () => {
    expect(rows(`1 号楼的改造已经完成。\n${para}\n2.5万名党员参加了培训，覆盖面进一步扩大。\n`)).toEqual([]);
  });

  it('circled numbers at line starts and run in after a colon; （1) and 1． forms', () => {
    const text = [
      '（一）完善工作机制',
      '（1)明确责任。各支部书记是第一责任人。',
      '（2)强化督查。每季度开展一次督查。',
      '1．建立台账',
      '2．定期通报',
      '①压实责任，层层签订责任书。',
      '②严格考核，考核结果公开。',
      '具体包括：①每月一次学习；②每季一次讲评；③每年一次总结。',
    ].join('\n');
    expect(rows(text)).toEqual([
      [2, '一', 'measures', 'numbered', '完善工作机制'],
      [4, '1', 'measures', 'numbered', '明确责任'],
      [4, '2', 'measures', 'numbered', '强化督查'],
      [3, '1', 'measures', 'numbered', '建立台账'],
      [3, '2', 'measures', 'numbered', '定期通报'],
      [4, '①', 'measures', 'numbered', '压实责任，层层签订责任书'],
      [4, '②', 'measures', 'numbered', '严格考核，考核结果公开'],
      [4, '①', 'measures', 'numbered', '每月一次学习'],
      [4, '②', 'measures', 'numbered', '每季一次讲评'],
      [4, '③', 'measures', 'numbered', '每年一次总结'],
    ]);
  });

  it('unnumbered section lines: 摘要/关键词/引言, section words with or without a colon, 结语', () => {
    const text = [
      '摘要：本文分析了农村党员教育管理的现状，提出了改进建议。',
      '关键词：农村党员；教育管理',
      '引言',
      para,
      '现状',
      para,
      '存在问题：',
      para,
      '原因：一是投入不足；二是方法陈旧。',
      '整改措施',
      para,
      '下一步工作打算',
      para,
      '结语',
      para,
    ].join('\n');
    expect(rows(text)).toEqual([
      [1, '', 'intro', 'label', '摘要'],
      [1, '', 'other', 'label', '关键词'],
      [1, '', 'intro', 'label', '引言'],
      [1, '', 'intro', 'label', '现状'],
      [1, '', 'problems', 'label', '存在问题'],
      [1, '', 'causes', 'label', '原因'],
      [2, '一', 'causes', 'list', '投入不足'],
      [2, '二', 'causes', 'list', '方法陈旧'],
      [1, '', 'measures', 'label', '整改措施'],
      [1, '', 'measures', 'label', '下一步工作打算'],
      [1, '', 'conclusion', 'label', '结语'],
    ]);
  });

  it('joins a heading broken over two lines by a paste, and only then', () => {
    const broken = `二、关于推进\n基层党组织标准化建设的几点建议\n${para}\n`;
    const [h] = rows(broken);
    expect(h).toEqual([1, '二', 'measures', 'numbered', '关于推进基层党组织标准化建设的几点建议']);
    const s = outlineOf(broken).find((x) => x.kind === 'numbered')!;
    expect(broken.slice(s.start, s.end)).toBe('二、关于推进\n基层党组织标准化建设的几点建议');
    // A complete title followed by a first body line without punctuation stays as it is.
    const whole = `一、总体要求\n坚持以习近平新时代中国特色社会主义思想为指导\n${para}\n`;
    expect(rows(whole)).toEqual([[1, '一', 'intro', 'numbered', '总体要求']]);
  });

  it('stray 、 after a bracket and mixed brackets still give the heading', () => {
    const text = `一、重要意义\n（一）、这是时代的要求\n${para}\n(二)、这是发展的需要\n${para}\n（三)这是群众的期盼\n${para}\n`;
    expect(rows(text)).toEqual([
      [1, '一', 'intro', 'numbered', '重要意义'],
      [2, '一', 'intro', 'numbered', '这是时代的要求'],
      [2, '二', 'intro', 'numbered', '这是发展的需要'],
      [2, '三', 'intro', 'numbered', '这是群众的期盼'],
    ]);
  });

  it('a page number glued to a sentence cut by a page break is not a heading', () => {
    const text = `三、加强队伍建设\n要充分认识加强党务干部队伍建设的重要意义，把党务岗位作为培养锻炼干部的重\n5、要平台，有计划地选派年轻干部到党务岗位锻炼。\n四、强化保障\n`;
    expect(rows(text).map((r) => r[1])).toEqual(['三', '四']);
  });

  it('一要/二要 run-ins, with 首先/其次 nested between two of their items', () => {
    const text = [
      '二、今后的努力方向',
      '一要加强学习。首先，读原著。每天安排时间自学。其次，勤思考。把学习和工作结合起来。二要改进作风。经常深入基层调研。',
      '三要素齐全的台账才算合格，这一点要牢记。',
    ].join('\n');
    expect(rows(text)).toEqual([
      [1, '二', 'measures', 'numbered', '今后的努力方向'],
      [2, '一', 'measures', 'list', '加强学习'],
      [3, '首先', 'measures', 'list', '读原著'],
      [3, '其次', 'measures', 'list', '勤思考'],
      [2, '二', 'measures', 'list', '改进作风'],
    ]);
  });

  it('finds markers behind HTML left in the paste, and lists after doubled punctuation', () => {
    const text = `<p>一、存在的问题</p>\n${para}一是台账不全。，二是记录不实。\n<strong>二、整改措施</strong>\n${para}\n`;
    const s = outlineOf(text).filter((x) => x.kind !== 'implicit');
    expect(s.map(row)).toEqual([
      [1, '一', 'problems', 'numbered', '存在的问题'],
      [2, '一', 'problems', 'list', '台账不全'],
      [2, '二', 'problems', 'list', '记录不实'],
      [1, '二', 'measures', 'numbered', '整改措施'],
    ]);
    expect(text.slice(s[3]!.start, s[3]!.start + 2)).toBe('二、');
  });

  it('cuts a heading fused with its paragraph after the role word', () => {
    const text = `一、加强作风建设的必要性我们要清醒地看到，作风问题关系人心向背。\n${para}\n`;
    const s = outlineOf(text).find((x) => x.kind === 'numbered')!;
    expect([s.title, s.role]).toEqual(['加强作风建设的必要性', 'intro']);
    expect(text.slice(s.start, s.end)).toBe('一、加强作风建设的必要性');
  });

  it('a notice: items under 培训内容 are topics (other), under 有关要求 instructions (measures); attachment lists are no headings', () => {
    const text = [
      '关于举办党务干部培训班的通知',
      '一、培训内容',
      '1．党内法规的学习运用；',
      '2．基层党建工作的经验做法；',
      '二、有关要求',
      '（一）各单位要按时报送名单，不得随意更换人员。',
      '（二）学员须全程参加培训，原则上不得请假。',
      '附件：1．名额分配表',
      '　　　2．报名回执',
    ].join('\n');
    expect(rows(text)).toEqual([
      [1, '一', 'other', 'numbered', '培训内容'],
      [3, '1', 'other', 'numbered', '党内法规的学习运用'],
      [3, '2', 'other', 'numbered', '基层党建工作的经验做法'],
      [1, '二', 'measures', 'numbered', '有关要求'],
      [2, '一', 'measures', 'numbered', '各单位要按时报送名单，不得随意更换人员'],
      [2, '二', 'measures', 'numbered', '学员须全程参加培训，原则上不得请假'],
    ]);
  });

  it('ignores the link titles under a related-articles header', () => {
    const text = `一、存在的问题\n${para}\n相关推荐\n基层党建工作存在的问题及对策\n关于加强党员教育管理的思考\n`;
    expect(rows(text)).toEqual([[1, '一', 'problems', 'numbered', '存在的问题']]);
  });
});

describe('role vocabulary and inheritance', () => {
  const roleOf = (title: string) => outlineOf(`一、${title}\n`)[0]?.role;
  it.each([
    ['调研背景', 'intro'], ['开展主题教育的重要意义', 'intro'], ['当前面临的形势', 'intro'], ['加强党建工作的必要性', 'intro'],
    ['基层党建工作现状', 'intro'], ['深刻理解初心使命的丰富内涵', 'intro'],
    ['当前存在的主要问题', 'problems'], ['工作中的短板弱项', 'problems'], ['与先进单位的差距', 'problems'],
    ['问题的主要表现', 'problems'], ['存在的不足', 'problems'], ['基层治理中的薄弱环节', 'problems'], ['发展中遇到的难题', 'problems'],
    ['问题产生的原因', 'causes'], ['深层次原因剖析', 'causes'], ['问题的根源', 'causes'], ['症结所在', 'causes'], ['主要成因', 'causes'],
    ['对策建议', 'measures'], ['推进工作的主要举措', 'measures'], ['破解难题的路径', 'measures'], ['主要做法', 'measures'],
    ['工作思路', 'measures'], ['下一步工作打算', 'measures'], ['改进的策略', 'measures'], ['努力方向', 'measures'],
    ['解决问题的途径', 'measures'], ['具体办法', 'measures'], ['如何提高支部书记的履职能力', 'measures'],
    ['关于加强村级党组织建设的思考', 'measures'], ['在学懂弄通上下功夫', 'measures'], ['以过硬作风推动工作落实', 'measures'],
    ['结语', 'conclusion'], ['结束语', 'conclusion'], ['几点启示', 'conclusion'],
    // Decision (issue 7): a notice's requirements section tells its readers what to do → measures.
    ['有关要求', 'measures'], ['几点要求', 'measures'], ['注意事项', 'measures'], ['参加人员', 'other'], ['报送要求', 'other'],
    // How other drafts name the same sections (issue 7 blind check): goals, aspects to improve, negative
    // predicates, roots of a problem, closing words, action verbs beyond the seeds' own.
    ['活动目标', 'intro'], ['目标任务', 'intro'], ['发展的基本面', 'intro'],
    ['需要改进的地方', 'problems'], ['工作中不够到位的方面', 'problems'], ['短板弱项依然明显', 'problems'],
    ['党员作用发挥不够充分', 'problems'], ['队伍结构有待优化', 'problems'], ['学用结合不紧', 'problems'],
    ['深挖思想根子', 'causes'], ['写在最后', 'conclusion'],
    ['从严正风肃纪', 'measures'], ['弘扬优良传统', 'measures'], ['大兴调查研究之风', 'measures'],
  ])('%s → %s', (title, role) => {
    expect(roleOf(title)).toBe(role);
  });

  it('actions on a problem word are measures (着力解决……问题, 补齐……短板)', () => {
    expect(roleOf('着力解决群众反映强烈的突出问题')).toBe('measures');
    expect(roleOf('补齐基层治理短板')).toBe('measures');
  });

  it('sub-headings inherit their parent unless their wording names a role; causes keep problem words', () => {
    const text = [
      '一、存在的问题',
      '（一）学习不够深入',
      '（二）产生问题的原因',
      '二、原因分析',
      '（一）能力上有短板',
      '（二）监督上有薄弱环节',
      '三、主要做法',
      '（一）加强理论武装',
      '四、培训内容',
      '（一）基层党建工作的经验做法',
      '五、有关要求',
      '（一）提高思想认识',
    ].join('\n');
    expect(outlineOf(text).map((s) => s.role)).toEqual([
      'problems', 'problems', 'causes', 'causes', 'causes', 'causes', 'measures', 'measures', 'other', 'other', 'measures', 'measures',
    ]);
  });
});

describe('section forms of the blind drafts (issue 7)', () => {
  const rows = (text: string) => outlineOf(text).map(row);
  const para = '各单位要结合实际认真组织实施，确保各项任务落到实处、见到实效，不搞形式主义。';

  it('a decimal scheme accepts its childless top numbers next to a top with children', () => {
    const text = ['1 指导思想', para, '2 活动目标', para, '3 活动内容', '3.1 重温入党誓词', para, '3.2 开展微党课展评', para, '4 工作要求', para].join('\n');
    expect(rows(text).filter((r) => r[3] !== 'implicit').map((r) => [r[0], r[1], r[2]])).toEqual([
      [1, '1', 'intro'], [1, '2', 'intro'], [1, '3', 'other'], [2, '3.1', 'other'], [2, '3.2', 'other'], [1, '4', 'measures'],
    ]);
  });

  it('a lone top number without a decimal scheme is no heading (1 号楼 … quantities stay text)', () => {
    const text = ['1 指导思想', para, '2 活动目标', para].join('\n');
    expect(rows(text).filter((r) => r[3] !== 'implicit')).toEqual([]);
  });

  it('inline headings of two short action phrases, one level below their section', () => {
    const text = [
      '对策建议',
      '突出政治引领，健全组织体系。坚持把支部建在网格上，推动网格党组织应建尽建，让党的旗帜高高飘扬。',
      '完善激励保障，稳定工作队伍。建立网格员薪酬动态调整机制，畅通优秀网格员进入社区两委和事业编制的渠道。',
    ].join('\n');
    expect(rows(text)).toEqual([
      [1, '', 'measures', 'label', '对策建议'],
      [2, '', 'measures', 'inline', '突出政治引领，健全组织体系'],
      [2, '', 'measures', 'inline', '完善激励保障，稳定工作队伍'],
    ]);
  });

  it('a draft laid out in short unnumbered lines: each line is a section, whatever words it uses', () => {
    const body = (s: string) => `${s}这段时间我一直在琢磨这个问题，也和身边的同志交流过多次，越想越觉得有必要把它写下来，供大家参考。`;
    const text = [
      '我的几点心得',
      '',
      body('今年三月，我从机关下派到社区工作。'),
      '',
      '初到社区，一切都要从头学',
      body('刚到社区的时候，很多事情都不熟悉。'),
      '',
      '[图片]',
      '',
      '慢慢摸索，我找到了几个窍门',
      body('后来我学会了先听后说。'),
      '',
      '回过头看，自己还有不少短板',
      body('当然，工作中也有不少遗憾。'),
      '',
      '今后我打算这么干',
      body('下一步，我想把走访做得更细。'),
    ].join('\n');
    const got = rows(text).filter((r) => r[3] === 'title-line');
    expect(got.map((r) => r[4])).toEqual(['初到社区，一切都要从头学', '慢慢摸索，我找到了几个窍门', '回过头看，自己还有不少短板', '今后我打算这么干']);
    // Roles as their words give them: a problem word, the time to come.
    expect(got[2]![2]).toBe('problems');
    expect(got[3]![2]).toBe('measures');
  });

  it('an Arabic-numbered heading after a sentence end inside a paragraph (a lost line break), next to its sibling', () => {
    const text = [
      '（一）制度执行不够严格',
      '1.学习制度落实不到位。个别支部集中学习次数不够，学习记录简单。2.请示报告制度执行有偏差。有的事项先办后报，程序倒置。',
      '（二）教育管理还有短板',
      '1、流动党员管理不够精准。部分流动党员长期不参加组织生活。2、发展党员把关不严。个别支部考察培养流于形式。',
    ].join('\n');
    expect(rows(text).filter((r) => r[0] === 3).map((r) => r[4])).toEqual([
      '学习制度落实不到位', '请示报告制度执行有偏差', '流动党员管理不够精准', '发展党员把关不严',
    ]);
    // Not a quantity (2.5亿元), not a long numbered point of the prose, not without its sibling.
    for (const body of [
      '全年完成投资12亿元。2.5亿元用于基础设施建设，其余用于产业发展和民生改善等方面。',
      '1.学习制度落实不到位。个别支部集中学习次数不够。2.有的事项先办后报、程序倒置，个别同志对请示报告制度的重要性认识不足，执行中打了折扣。',
      '全年开展集中学习十二次。2.请示报告制度执行有偏差。有的事项先办后报。',
    ]) expect(rows(['（一）制度执行不够严格', body].join('\n')).filter((r) => r[0] === 3 && r[1] === '2'), body).toEqual([]);
  });

  it('a short line right under a numbered sub-heading opens its text, it is no section of the top level', () => {
    const text = [
      '三、下一步打算',
      '（一）把志愿服务做成常态',
      '每月固定一天开展志愿服务活动，把好的做法坚持下来，形成长效机制，让群众看得见、摸得着。',
      '（二）把在职党员作用发挥出来',
      '完善在职党员',
      '到社区报到的积分管理办法，把参加活动的情况反馈给所在单位党组织，作为评先评优的重要依据。',
    ].join('\n');
    expect(rows(text).filter((r) => r[3] !== 'implicit').map((r) => r[3])).toEqual(['numbered', 'numbered', 'numbered']);
  });

  it('one short line between paragraphs, a salutation, a date or a signature is no section line', () => {
    const para = '这段时间我一直在琢磨这个问题，也和身边的同志交流过多次，越想越觉得有必要把它写下来，供大家参考。';
    for (const lines of [
      [para, '这件事让我很受触动', para],
      [para, '中共××县委办公室', '2026年12月4日'],
      [para, '城南派出所　民警　张××', para, '编辑：王××　　审核：李××', para],
    ]) expect(rows(lines.join('\n')).filter((r) => r[3] === 'title-line'), lines.join('|')).toEqual([]);
  });

  it('a prose paragraph that opens with an action and a clause is no inline heading', () => {
    const text = ['二、主要做法', '加强组织领导，各单位要成立工作专班。明确责任分工，层层压实责任，形成上下联动的工作格局。', '强化督促检查，我们每季度通报一次进展情况，对工作滞后的单位进行约谈提醒。'].join('\n');
    expect(rows(text).map((r) => r[3])).toEqual(['numbered']);
  });
});

describe('traditional-script drafts', () => {
  it('finds markers, labels and roles in traditional characters and keeps titles as written', () => {
    const text = '二、存在問題\n對照要求，主要有：一是學習不夠深入；二是調研不夠經常。\n三、原因分析\n這一段說明原因，文字足夠長，可以把兩個標題隔開，內容並不重要。\n結束語\n總之，我們要持續努力，久久為功，把各項工作抓實抓好。\n';
    expect(outlineOf(text).filter((s) => s.kind !== 'implicit').map(row)).toEqual([
      [1, '二', 'problems', 'numbered', '存在問題'],
      [2, '一', 'problems', 'list', '學習不夠深入'],
      [2, '二', 'problems', 'list', '調研不夠經常'],
      [1, '三', 'causes', 'numbered', '原因分析'],
      [1, '', 'conclusion', 'label', '結束語'],
    ]);
  });
});
