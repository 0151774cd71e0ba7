import { describe, expect, it } from 'vitest';
import { importMarkdown } from '../../src/core/import/markdown-import.js';
import { diffPlans, idsToKeep, keepOldIds, shareWordStem } from '../../src/core/plan/diff.js';
import { checkPlanSanity } from '../../src/core/plan/sanity.js';

const BASE = {
  backend: ['Database Index Creation', 'Redis Setup', 'Connection Pool Tuning'],
  frontend: ['Skeleton Loading Setup', 'Bundle Analysis'],
};

function plan(blocks: { backend: string[]; frontend: string[] } = BASE, extra = '') {
  const md = `# Team Plan

## Week 1: Build

### Monday - Wednesday: Backend
${blocks.backend.map((t) => `- [ ] ${t}`).join('\n')}

### Thursday - Friday: Frontend
${blocks.frontend.map((t) => `- [ ] ${t}`).join('\n')}
${extra}`;
  return importMarkdown(md, { sourceName: 'p.md' }).plan;
}

const ids = (list: { id: string }[]) => list.map((x) => x.id);

describe('diffPlans', () => {
  it('sees no change in the same plan, and only line numbers as "not identical"', () => {
    expect(diffPlans(plan(), plan())).toMatchObject({ added: [], removed: [], renamed: [], moved: [], edited: [], unchanged: 5, identical: true });
    const shifted = diffPlans(plan(), plan(BASE, '\n\nSome closing words.\n'));
    expect(shifted.renamed.length + shifted.added.length + shifted.removed.length).toBe(0);
  });

  it('reports added and removed items', () => {
    const d = diffPlans(plan(), plan({ backend: ['Database Index Creation', 'Connection Pool Tuning', 'Query Cache Warmup'], frontend: BASE.frontend }));
    expect(ids(d.added)).toEqual(['query-cache-warmup']);
    expect(ids(d.removed)).toEqual(['redis-setup']);
    expect(d.renamed).toEqual([]);
    expect(d.added[0]!.place).toMatchObject({ block: 'w1-backend', section: 'monday-wednesday-backend' });
  });

  it('pairs a changed title in the same place as a rename, and keepOldIds gives it its old id', () => {
    const next = plan({ backend: ['Create database indexes', 'Redis Setup', 'Connection Pool Tuning'], frontend: BASE.frontend });
    const d = diffPlans(plan(), next);
    expect(d.renamed).toEqual([{ id: 'database-index-creation', importedId: 'create-database-indexes', from: 'Database Index Creation', to: 'Create database indexes', by: 'place' }]);
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
    const kept = keepOldIds(next, idsToKeep(d));
    expect(kept.items[0]).toMatchObject({ id: 'database-index-creation', title: 'Create database indexes' });
    expect(checkPlanSanity(kept)).toEqual([]);
    expect(diffPlans(plan(), kept).renamed).toEqual([{ id: 'database-index-creation', importedId: 'database-index-creation', from: 'Database Index Creation', to: 'Create database indexes', by: 'id' }]);
  });

  it('still finds the rename when a neighbour was removed and another item added', () => {
    const d = diffPlans(plan(), plan({ backend: ['Database Index Tuning', 'Connection Pool Tuning', 'Query Cache Warmup'], frontend: BASE.frontend }));
    expect(d.renamed.map((r) => [r.id, r.importedId])).toEqual([['database-index-creation', 'database-index-tuning']]);
    expect(ids(d.removed)).toEqual(['redis-setup']);
    expect(ids(d.added)).toEqual(['query-cache-warmup']);
  });

  it('does not let an unrelated replacement inherit the old item (no shared word)', () => {
    const d = diffPlans(plan(), plan({ backend: ['Database Index Creation', 'Kafka Topics', 'Connection Pool Tuning'], frontend: BASE.frontend }));
    expect(d.renamed).toEqual([]);
    expect(ids(d.removed)).toEqual(['redis-setup']);
    expect(ids(d.added)).toEqual(['kafka-topics']);
  });

  it('does not pair across blocks or across unchanged neighbours', () => {
    // "Redis Setup" leaves the backend; "Redis Cluster Setup" appears in the frontend block.
    const d = diffPlans(plan(), plan({ backend: ['Database Index Creation', 'Connection Pool Tuning'], frontend: [...BASE.frontend, 'Redis Cluster Setup'] }));
    expect(d.renamed).toEqual([]);
    expect(ids(d.removed)).toEqual(['redis-setup']);
    expect(ids(d.added)).toEqual(['redis-cluster-setup']);
  });

  it('reports a title change that keeps the id as a rename by id', () => {
    const d = diffPlans(plan(), plan({ backend: ['Database Index Creation (all tables)', 'Redis Setup', 'Connection Pool Tuning'], frontend: BASE.frontend }));
    expect(d.renamed).toEqual([{ id: 'database-index-creation', importedId: 'database-index-creation', from: 'Database Index Creation', to: 'Database Index Creation (all tables)', by: 'id' }]);
  });

  it('reports an item that changed block as moved, with what changed', () => {
    const d = diffPlans(plan(), plan({ backend: ['Database Index Creation', 'Connection Pool Tuning'], frontend: [...BASE.frontend, 'Redis Setup'] }));
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
    expect(d.moved).toEqual([
      expect.objectContaining({ id: 'redis-setup', changed: ['section', 'block', 'days'], from: expect.objectContaining({ block: 'w1-backend' }), to: expect.objectContaining({ block: 'w1-frontend' }) }),
    ]);
  });

  it('matches an item whose title is the same but whose id the importer had to change', () => {
    // A second "Redis Setup" makes both ids longer; the old one keeps "redis-setup".
    const next = plan({ backend: BASE.backend, frontend: [...BASE.frontend, 'Redis Setup'] });
    const d = diffPlans(plan(), next);
    const imported = next.items.filter((i) => i.title === 'Redis Setup').map((i) => i.id);
    expect(imported).not.toContain('redis-setup');
    // Its title did not change: it keeps its id without being reported as renamed.
    expect(d.renamed).toEqual([]);
    expect(d.keptIds).toEqual([{ id: 'redis-setup', importedId: imported[0] }]);
    expect(ids(d.added)).toEqual([imported[1]]);
    expect(checkPlanSanity(keepOldIds(next, idsToKeep(d)))).toEqual([]);
  });

  it('lists items whose other content changed as edited', () => {
    const code = (steps: string) => `# P\n\n## Week 1: W\n\n### Monday - Friday: Ops\n\n\`\`\`bash\n# Day 1: Cache Setup\n${steps}\n\`\`\`\n`;
    const a = importMarkdown(code('npm run one'), {}).plan;
    const b = importMarkdown(code('npm run one\nnpm run two'), {}).plan;
    const d = diffPlans(a, b);
    expect(d.edited).toEqual(['cache-setup']);
    expect(d.renamed).toEqual([]);
    expect(d.identical).toBe(false);
  });

  it('is deterministic', () => {
    const next = plan({ backend: ['Database Index Tuning', 'Redis Cluster', 'Connection Pool Tuning'], frontend: ['Bundle Analysis', 'Skeleton Loading'] });
    expect(diffPlans(plan(), next)).toEqual(diffPlans(plan(), next));
  });
});

describe('shareWordStem', () => {
  it('compares the first five letters of words of three or more letters', () => {
    expect(shareWordStem('Database Index Creation', 'Create DB indexes')).toBe(true);
    expect(shareWordStem('Redis Setup', 'Kafka Topics')).toBe(false);
    expect(shareWordStem('Set up the API', 'API keys')).toBe(true);
    expect(shareWordStem('and the for', 'and the for')).toBe(false);
  });
});
