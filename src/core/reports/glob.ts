// Globs as shells and bundlers write them ("dist/**/*.js", "main.*.{js,css}"), matched against
// slash-separated paths. `*` and `?` stay within one path segment; `**` spans segments.

/** Whether a `--from` or `--field` is a pattern rather than a plain name. */
export const isGlob = (s: string): boolean => /[*?[{]/.test(s);

const escape = (c: string) => (/[\\^$.|+()[\]{}*?]/.test(c) ? `\\${c}` : c);

export function globToRegExp(glob: string): RegExp {
  let re = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      re += slash ? '(?:[^/]*/)*' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end < 0) re += '\\[';
      else {
        const body = glob.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\');
        re += `[${body}]`;
        i = end;
      }
    } else if (c === '{') [re, braces] = [`${re}(?:`, braces + 1];
    else if (c === '}' && braces > 0) [re, braces] = [`${re})`, braces - 1];
    else if (c === ',' && braces > 0) re += '|';
    else re += escape(c);
  }
  return new RegExp(`^${re}${')'.repeat(braces)}$`);
}

/** The directories before the first segment with a pattern: where a walk for the glob starts. */
export function globBase(glob: string): string {
  const segments = glob.split('/');
  const first = segments.findIndex(isGlob);
  return segments.slice(0, first < 0 ? segments.length - 1 : first).join('/');
}
