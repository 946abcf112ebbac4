/**
 * Keeps one instance of a class alive for as long as the module is loaded, so the JavaScript engine keeps
 * the hidden class ("map", in V8) that its instances share.
 *
 * Why: V8 gives an instance its final map by a chain of transitions from the class's initial map, one per
 * field the constructor adds, and holds each transition only weakly. Optimized code checks and embeds the
 * maps it was compiled for, also weakly. So when a major garbage collection finds no live instance of a
 * class whose instances never outlive a call (the walks of repeated-passage: one per analysis or edit) or
 * an analysis (an analyzer's lines, when the analyzer is dropped), it frees those maps (V8 retains maps
 * used by optimized code for two major collections only) and throws away every optimized function that
 * embeds them ("marking dependent code for deoptimization, reason: weak objects"). The next instances get
 * new maps, and that code runs unoptimized until V8 compiles it again, on a helper thread, for CPU time
 * the analysis also pays on a 2-core machine.
 *
 * Measured (issue 13; largest seed, all rules, Node 20, --trace-deopt): each forced major collection between
 * analyses marked 6–13 functions (Line's constructor and `start`, the analyzer's update, lineAt and
 * allIssues; repeated-passage's Scanner and TableWalk methods and its combine) for deoptimization and ~40
 * functions were optimized again in the next analyses. An instance kept here holds its map and the chain
 * of transitions to it, so that code survives major collections. Call it once per class, at module load,
 * with an instance built the way the real ones are (same fields in the same order, same kinds of value),
 * or it holds a map the real instances do not use.
 */
const kept: object[] = [];

/** Keep `instance` (and so its hidden class) alive for the life of the module; returns it. */
export function keepShape<T extends object>(instance: T): T {
  kept.push(instance);
  return instance;
}
