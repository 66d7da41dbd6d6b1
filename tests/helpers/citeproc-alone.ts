/**
 * The oracle for formatEach: a reading formatted alone by citation-js's own APA engine (the
 * unmodified style, citation-js's parsing of the CSL item), as the cache stored it before
 * formatEach skipped steps: the entry as formatReferences gives it, and citeproc's sort keys.
 */
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import type { Reading } from '../../src/collections/schemas/reading.ts';
import { cslIdentity, formatReferences, type ReferenceFormat } from '../../src/domain/citations.ts';

interface Engine {
  updateItems(ids: string[]): string[];
  registry: { registry: Record<string, { sortkeys: (string | undefined)[] }> };
}

export async function citeprocAlone(reading: Reading): Promise<ReferenceFormat> {
  const [reference] = await formatReferences([reading]);
  const data = new Cite(JSON.parse(cslIdentity(reading))).format('data', { format: 'object' });
  const prepare = (plugins.config.get('@csl') as { engine: (...args: unknown[]) => Engine }).engine;
  const engine = prepare(data, 'apa', 'en-US', 'html');
  engine.updateItems(['reading']);
  return {
    html: reference!.html,
    text: reference!.text,
    sortKeys: engine.registry.registry.reading!.sortkeys.map((key) => key ?? null),
  };
}
