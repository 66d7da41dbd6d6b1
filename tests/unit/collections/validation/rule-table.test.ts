/** The rule table and the registry's references: what the validator's phases are made of. */
import { describe, expect, it } from 'vitest';
import { COLLECTION_REGISTRY, referenceFields } from '../../../../src/collections/registry.ts';
import { courseSchema } from '../../../../src/collections/schemas/course.ts';
import { valuesAt } from '../../../../src/collections/references.ts';
import { COURSE_RULES } from '../../../../src/collections/validation/course-rules.ts';
import { runRules, type Rule } from '../../../../src/collections/validation/rules.ts';
import { collectionJsonSchema, type JsonSchemaNode } from '../../../../src/admin/json-schema.ts';

describe('the course rule table', () => {
  it('names each rule once, in kebab-case, and reads only fields of the course', () => {
    const names = COURSE_RULES.map((rule) => rule.name);
    expect(new Set(names).size).toBe(names.length);
    for (const rule of COURSE_RULES) {
      expect(rule.name).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
      for (const field of rule.reads) expect(Object.keys(courseSchema.shape)).toContain(field);
    }
  });

  it('skips a rule whose field failed, and only that rule', () => {
    const rules: Rule<{ a: number; b: number }, unknown>[] = [
      {
        name: 'reads-a',
        reads: ['a'],
        check: () => [{ path: ['a'], field: '', message: 'a', fix: '' }],
      },
      {
        name: 'reads-b',
        reads: ['b'],
        check: () => [{ path: ['b'], field: '', message: 'b', fix: '' }],
      },
    ];
    expect(runRules(rules, {}, undefined, new Set(['a'])).map(({ message }) => message)).toEqual([
      'b',
    ]);
  });
});

describe('the references the registry declares', () => {
  it('each names a field the schema makes a reference to that collection', () => {
    for (const name of Object.keys(COLLECTION_REGISTRY) as (keyof typeof COLLECTION_REGISTRY)[])
      for (const [pattern, target] of referenceFields(name)) {
        let node: JsonSchemaNode | undefined = collectionJsonSchema(name).schema;
        for (const segment of pattern.split('.')) {
          node = node?.properties?.[segment.replace(/\[\]$/, '')];
          if (segment.endsWith('[]')) node = node?.items;
        }
        expect(node?.['x-references'], `${name}: ${pattern}`).toBe(target);
      }
  });

  it('finds every value of a pattern with its path', () => {
    expect(
      valuesAt({ approvals: [{ board: 'apa' }, {}, { board: 'nbcc' }] }, 'approvals[].board'),
    ).toEqual([
      { path: ['approvals', 0, 'board'], value: 'apa' },
      { path: ['approvals', 2, 'board'], value: 'nbcc' },
    ]);
  });
});
