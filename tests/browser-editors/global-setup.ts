import { buildBundles } from './harness';

/** Bundle lib/editors + the engine and every fixture page once per run (≈ 2 s). */
export default async function setup(): Promise<void> {
  await buildBundles();
}
