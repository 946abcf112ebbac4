/** `wengao themes [--format text|json] FILE`: which recurring themes the draft covers, and which it misses. */
import { themeReport, type ThemeCoverage } from '../../lib/corpus';
import { clip, defineReportCommand } from './report';

const help = `wengao themes — 主题覆盖 (theme coverage)

Usage:
  wengao themes [--format text|json] FILE
  npm run --silent wengao -- themes [--format …] FILE

Says which recurring themes of party-building documents (政治素质, 学习能力, 组织协调, 服务群众,
制度建设 …) FILE covers, with the places that show it, and which common themes of the reference corpus it
misses, most common first, each with typical sentences from the corpus.

  --format text   (default) covered themes with their first evidence (LINE:COL), then missing ones
  --format json   {"covered": [{"id", "name", "spans": [[start, end], ...], …}],
                   "missing": [{"id", "name", "examples": [...], …}]}  (UTF-16 offsets)
`;

export default defineReportCommand<ThemeCoverage>({
  name: 'themes',
  summary: '检查文稿覆盖了哪些常见主题，缺少哪些 (covered and missing recurring themes)',
  help,
  compute: (text) => themeReport(text),
  formatText(report, file, at) {
    const lines = [`${file}：覆盖 ${report.covered.length} 个主题 (themes covered)`];
    for (const t of report.covered) {
      const first = t.spans[0];
      lines.push(`  ${t.name} (${t.id})  ${t.spans.length} 处 (places)${first ? `，首见 ${at(first[0])}` : ''}：${t.keywords.slice(0, 5).join('、')}`);
    }
    if (report.missing.length > 0) {
      lines.push('未覆盖的常见主题 (common themes missing):');
      for (const t of report.missing) {
        lines.push(`  ${t.name} (${t.id})`);
        for (const e of t.examples.slice(0, 2)) lines.push(`    例 (e.g.)：${clip(e)}`);
      }
    }
    return lines;
  },
});
