// One rule for a person's name, wherever it comes from: printable, one line, 1 to 64 characters.
import { describe, expect, it } from 'vitest';
import { actorProblem, shownActor } from '../../src/core/actor-name.js';

describe('actorProblem', () => {
  it('takes ordinary names, trimmed, in any script, up to 64 characters', () => {
    for (const name of ['alice', 'Alice Smith', '  bob  ', 'Zoë', 'Jürgen Müller-Lüdenscheidt', '李小龍', 'o\'brien', 'x'.repeat(64), '🚀'.repeat(64)]) {
      expect(actorProblem(name), name).toBeUndefined();
    }
  });

  it('refuses names that are empty, too long, span lines, or hold what a terminal hides or acts on', () => {
    expect(actorProblem('')).toBe('is empty');
    expect(actorProblem('   ')).toBe('is empty');
    expect(actorProblem('x'.repeat(65))).toBe('is 65 characters long (at most 64)');
    expect(actorProblem('x'.repeat(300))).toBe('is 300 characters long (at most 64)');
    for (const name of ['eve\n\nSigned-off-by: Linus <l@k.org>', 'eve\rbob', 'a\u2028b', 'a\u2029b', 'a\u0085b', 'a\vb']) {
      expect(actorProblem(name), JSON.stringify(name)).toBe('spans more than one line');
    }
    expect(actorProblem('eve\u001b[2Jbob')).toBe('holds a control character (U+001B)');
    expect(actorProblem('a\tb')).toBe('holds a control character (U+0009)');
    expect(actorProblem('a\u009bb')).toBe('holds a control character (U+009B)');
    for (const [ch, hex] of [['\u202e', '202E'], ['\u200b', '200B'], ['\u200f', '200F'], ['\u2066', '2066'], ['\ufeff', 'FEFF'], ['\u200d', '200D'], ['\u00ad', '00AD']]) {
      expect(actorProblem(`bo${ch}b`)).toBe(`holds an invisible or text-direction character (U+${hex})`);
    }
    expect(actorProblem('a\ud800b')).toMatch(/U\+D800/);
  });

  it('shows a refused name quoted, cut short, with hidden characters spelled out', () => {
    expect(shownActor('eve\n\nSigned-off-by: x')).toBe('"eve\\n\\nSigned-off-by: x"');
    expect(shownActor('bo\u202eb "q"')).toBe('"bo\\u{202E}b \\"q\\""');
    expect(shownActor('x'.repeat(300))).toBe(`"${'x'.repeat(40)}…"`);
  });
});
