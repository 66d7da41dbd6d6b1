/**
 * Runs in the admin page after decap-cms.js. Before every save (Decap's preSave event) it
 * leaves out the empty optional fields Decap would write as empty text, and runs the schema
 * and course rules of `npm run check`: a course that would fail the check is not saved, and
 * the editor reads the check's own messages in Decap's notice.
 */
// The course rules use Temporal; browsers that lack it get the polyfill, the others nothing.
if (typeof Temporal === 'undefined') await import('temporal-polyfill/global');
const { prepareEntry, problemsMessage } = await import('../../admin/decap-config.ts');

// A module (for the top-level awaits above), though it exports nothing.
export {};

/** The part of Immutable.js's Map that Decap hands to event handlers. */
interface ImmutableMap {
  get(key: string): unknown;
  toJS(): unknown;
  deleteIn(path: readonly (string | number)[]): ImmutableMap;
}

interface DecapCms {
  registerEventListener(listener: {
    name: 'preSave';
    handler: (event: { entry: ImmutableMap }) => ImmutableMap;
  }): void;
}

const cms = (window as unknown as { CMS?: DecapCms }).CMS;
if (!cms) throw new Error('decap-cms.js did not load, so the admin cannot start.');

cms.registerEventListener({
  name: 'preSave',
  handler: ({ entry }) => {
    const collection = String(entry.get('collection'));
    const path = entry.get('path');
    let data = entry.get('data') as ImmutableMap;
    const prepared = prepareEntry(
      collection,
      data.toJS() as Record<string, unknown>,
      typeof path === 'string' ? path : `content/${collection}/`,
    );
    if (prepared.problems.length > 0) throw new Error(problemsMessage(prepared.problems));
    for (const removed of prepared.removedPaths) data = data.deleteIn(removed);
    return data;
  },
});
