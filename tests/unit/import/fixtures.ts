/**
 * Test material for reference-document imports: a .docx writer (jszip, which mammoth depends on) and a
 * reference collection with a distinctive theme (信息化 / 智慧党建) and a fixed enumeration
 * (网上学、网上议、网上办) that the shipped corpus lacks.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A minimal Word document, one <w:p> per paragraph. */
export async function makeDocx(paragraphs: readonly string[]): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      '</Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
      '</Relationships>',
  );
  zip.file(
    'word/document.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
      paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${esc(p)}</w:t></w:r></w:p>`).join('') +
      '</w:body></w:document>',
  );
  return zip.generateAsync({ type: 'uint8array' });
}

/** A zip that is not a Word document. */
export async function makeZip(files: Record<string, string>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) zip.file(name, content);
  return zip.generateAsync({ type: 'uint8array' });
}

/**
 * A collection of three essays on 智慧党建 (信息化): the shipped corpus has the theme in 1 of 10 essays,
 * below the share at which a missing theme is suggested; with these three it is above.
 */
export const SMART_PARTY_PARAGRAPHS: readonly string[] = [
  '推进智慧党建工作的几点思考1',
  '当前，互联网已经成为党员学习交流的重要阵地，基层党支部必须主动适应信息化发展的新形势。',
  '一、充分认识智慧党建的重要意义',
  '推进党建工作信息化，是提升基层党组织组织力的必然要求。要坚持网上学、网上议、网上办，把网络平台建设成为党员教育管理的新载体。',
  '二、当前智慧党建存在的问题',
  '一些党支部对新媒体运用不够重视，信息化平台重建设轻使用，数字化管理水平不高，网络平台内容更新不及时。',
  '三、推进智慧党建的对策措施',
  '党支部书记要带头学习运用互联网和新媒体，依托网络平台开展“三会一课”，用数字化手段记录党员学习情况，让信息化真正服务党员群众。',
  '推进智慧党建工作的几点思考2',
  '信息化条件下，党建工作必须借助互联网和新媒体拓展阵地。',
  '一、明确智慧党建的目标',
  '要坚持网上学、网上议、网上办，建好用好网络平台和信息网络，推动党务公开和数字化管理。',
  '二、加强智慧党建的队伍保障',
  '选好配强网络平台管理员，定期开展信息化业务培训，用好新媒体讲好支部故事，不断提升数字化服务水平。',
  '推进智慧党建工作的几点思考3',
  '在互联网时代，新媒体已经深刻改变了党员获取信息的方式。',
  '一、以信息化推动党员教育',
  '网上学、网上议、网上办，是推进党建信息化的基本路径。要利用网络平台和信息网络开展党员线上学习，提高数字化教育的针对性。',
  '二、以信息化提升服务水平',
  '依托互联网和新媒体畅通联系服务群众渠道，通过网络平台收集群众诉求，让数字化手段成为服务群众的好帮手。',
];

export const SMART_PARTY_TITLE = '智慧党建材料汇编';

/** A draft with only a problems section: no 信息化, and 建平台、强阵地 cut short. */
export const DRAFT_PROBLEMS_ONLY = [
  '关于党支部建设的调研报告',
  '一、当前党支部工作存在的问题',
  '一些党支部书记政治理论学习不够深入，理想信念不够坚定，党务工作能力不强，组织生活制度落实不到位。',
  '部分党员先锋模范作用发挥不明显，服务群众意识淡薄。下一步要坚持网上学、网上议，切实改进作风。',
].join('\n');

const SEEDS = path.resolve(import.meta.dirname, '../../../lib/corpus/seeds');

/**
 * A realistic long document: sentences of the seed essays recombined into distinct paragraphs (a plain
 * copy of the seeds would be cheap, because repeated paragraphs are skipped), with headings.
 */
export function longReferenceText(length: number): string {
  const sentences = readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((f) => readFileSync(path.join(SEEDS, f), 'utf8').split(/(?<=[。！？；])/))
    .map((s) => s.trim())
    .filter((s) => s.length >= 12 && !/\n/.test(s));
  const numerals = '一二三四五六七八九十';
  let text = '基层党建工作参考材料汇编\n';
  for (let i = 0; text.length < length; i++) {
    if (i % 12 === 0) text += `${numerals[(i / 12) % 10]}、关于加强党支部建设的第${i / 12 + 1}点意见\n`;
    const a = sentences[(i * 7919) % sentences.length]!;
    const b = sentences[(i * 104729 + 13) % sentences.length]!;
    const c = sentences[(i * 1299709 + 29) % sentences.length]!;
    text += `${a}${b}${c}\n`;
  }
  return text.slice(0, length);
}
