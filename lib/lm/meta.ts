/**
 * The tier's entry for docs/RULES.md and the settings: `wrong-char` is not in the fast rule registry
 * (it needs the model and runs off the page's main thread) but is switched and documented like a rule.
 */
export const TIER_META = {
  id: 'wrong-char',
  category: 'typo',
  severity: 'error',
  fixable: true,
  description: '统计语言模型发现的错别字：同音近音字、常见形近误字、相邻字颠倒、词间多打的重复字（如“代头作用”应为“带头作用”），以及“的、地、得”规则未列出的误用（如“来之不易得成果”应为“来之不易的成果”）',
} as const;
