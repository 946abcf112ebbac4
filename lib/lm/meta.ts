/**
 * The statistical checks' entries for docs/RULES.md and the settings: they are not in the fast rule
 * registry (they need the model and run off the page's main thread) but are switched, ignored and
 * documented like rules. Two ids, because a writer who turns off one (忽略此规则 on a 的/地/得 suggestion)
 * must not lose the other (issue 8): `wrong-char` for the wrong characters (lib/lm/tier.ts),
 * `de-di-de-context` for the statistical 的/地/得 check (lib/lm/particles.ts).
 */
export const TIER_META = {
  id: 'wrong-char',
  category: 'typo',
  severity: 'error',
  fixable: true,
  description: '统计语言模型发现的错别字：同音近音字、常见形近误字、相邻字颠倒、词间多打的重复字（如“代头作用”应为“带头作用”）',
} as const;

/** The statistical 的/地/得 check: same model and answer as the tier, its own switch (category of de-di-de). */
export const PARTICLE_META = {
  id: 'de-di-de-context',
  category: 'grammar',
  severity: 'error',
  fixable: true,
  description: '按统计语言模型的上下文判断“的、地、得”，补上 de-di-de 规则未列出的误用（如“盲目上马地风险”应为“盲目上马的风险”）；与 wrong-char 分开开关',
} as const;

/** The ids the model's answers may carry (the content script keeps only these from the background). */
export const LM_RULE_IDS: readonly string[] = [TIER_META.id, PARTICLE_META.id];
