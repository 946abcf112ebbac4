/** `wengao outline [--format text|json] FILE`: the draft's sections with roles, and the usual ones it lacks. */
import { outlineReport, ROLE_NAMES, type OutlineReport } from '../../lib/corpus';
import { clip, defineReportCommand } from './report';

const help = `wengao outline — 文稿结构 (document outline)

Usage:
  wengao outline [--format text|json] FILE
  npm run --silent wengao -- outline [--format …] FILE

Lists the headings of FILE (UTF-8 text or .docx; "-" or none reads stdin) with their level and role,
and the sections that documents of this kind usually have but this one lacks, in the order they would
go, each with an example heading from the reference corpus.

Headings: 一、 （一） (一) 1. 1、 （1） 第一， 一是 首先/其次/最后, inline at the start of a paragraph,
and short title lines such as 引言, 结束语. Roles: intro, problems, causes, measures, conclusion, other;
a sub-heading takes its parent's role unless its own wording says otherwise.

  --format text   (default) one line per heading: LINE:COL, indentation by level, marker, title, role
  --format json   {"sections": [{"level", "number", "title", "role", "start", "end", …}],
                   "missing": [{"role", "example", …}]}  (start/end: UTF-16 offsets)
`;

/** The marker as GB/T 9704 writes it at this level: 一、 （一） 1. （1）. */
function marker(level: number, number: string): string {
  if (!number) return '';
  return [`${number}、`, `（${number}）`, `${number}.`, `（${number}）`][level - 1] ?? number;
}

export default defineReportCommand<OutlineReport>({
  name: 'outline',
  summary: '列出文稿的标题层次与各部分作用，指出缺少的部分 (outline with section roles, missing sections)',
  help,
  compute: (text) => outlineReport(text),
  formatText(report, file, at) {
    const lines = [`${file}：${report.sections.length} 个部分 (sections)`];
    for (const s of report.sections) {
      const indent = '  '.repeat(s.level);
      const title = s.title || '（开头段落 opening paragraphs）';
      lines.push(`${at(s.start).padEnd(8)}${indent}${marker(s.level, s.number)}${clip(title)}  [${ROLE_NAMES[s.role]} ${s.role}]`);
    }
    if (report.missing.length === 0) {
      lines.push('常见的部分都有 (no usual section missing)');
    } else {
      lines.push('缺少的部分 (missing sections):');
      for (const m of report.missing) lines.push(`  ${ROLE_NAMES[m.role]} (${m.role}) — 例 (e.g.)：${clip(m.example)}`);
    }
    return lines;
  },
});
