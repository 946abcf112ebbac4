/**
 * Scaffold a rule: `npm run new:rule -- <kebab-id> [paragraph|document]`.
 * Writes lib/rules/<id>.ts and tests/unit/rules/<id>.test.ts, registers the rule in lib/rules/index.ts
 * and adds a line to docs/RULES.md, so the meta-test stays green from the first commit.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const [id, scope = 'paragraph'] = process.argv.slice(2);

if (!id || !/^[a-z]+(-[a-z]+)*$/.test(id) || !['paragraph', 'document'].includes(scope)) {
  console.error('usage: npm run new:rule -- <kebab-case-id> [paragraph|document]');
  process.exit(2);
}
const rulePath = join(root, 'lib/rules', `${id}.ts`);
if (existsSync(rulePath)) {
  console.error(`lib/rules/${id}.ts exists already`);
  process.exit(2);
}
const camel = id.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

const ruleSource =
  scope === 'paragraph'
    ? `import { defineParagraphRule } from '../engine/rule';

const messages = {
  found: '（说明这里的问题）',
};

export default defineParagraphRule({
  meta: { id: '${id}', category: 'typo', severity: 'warning', description: '（一句话说明规则）', fixable: true },
  check(text, report) {
    // Find candidates with a cheap scan, then confirm; report offsets relative to this line.
    void text;
    void report;
    void messages;
  },
});
`
    : `import { defineDocumentRule } from '../engine/rule';

const messages = {
  found: '（说明这里的问题）',
};

export default defineDocumentRule<null>({
  meta: { id: '${id}', category: 'structure', severity: 'warning', description: '（一句话说明规则）', fixable: false },
  collect() {
    return null;
  },
  combine(doc, report) {
    void doc;
    void report;
    void messages;
  },
});
`;

const testSource = `import ${camel} from '../../../lib/rules/${id}';
import { ruleTester } from '../rule-tester';

ruleTester.run(${camel}, {
  valid: ['（不应报错的句子）'],
  invalid: [{ text: '（应报错的句子）', output: '（修正后的句子）' }],
});
`;

writeFileSync(rulePath, ruleSource);
writeFileSync(join(root, 'tests/unit/rules', `${id}.test.ts`), testSource);

const indexPath = join(root, 'lib/rules/index.ts');
let index = readFileSync(indexPath, 'utf8');
index = index.replace(/(import [^\n]+\n)(?!import)/, `$1import ${camel} from './${id}';\n`);
index = index.replace(/\n\];\s*$/, `\n  ${camel},\n];\n`);
writeFileSync(indexPath, index);

const docsPath = join(root, 'docs/RULES.md');
writeFileSync(docsPath, readFileSync(docsPath, 'utf8').trimEnd() + `\n| \`${id}\` | （一句话说明规则） |\n`);

console.log(`created lib/rules/${id}.ts and tests/unit/rules/${id}.test.ts; registered; docs/RULES.md updated.
Fill in the rule, its description, the docs line and the test table (the scaffolded cases fail until you do).`);
