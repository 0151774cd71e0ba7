// Sprint plans keep their daily tasks in shell blocks: "# Day 1: Skeleton Loading Setup" starts a task,
// the comment and command lines under it are its steps. Commands are text to show, never to run.

export interface CodeTask {
  title: string;
  day?: number;
  steps: string[];
  line: number;
}

export interface CodeTasks {
  tasks: CodeTask[];
  /** Lines that belong to no task (commands before the first title), with their line numbers. */
  loose: { line: number; text: string }[];
}

const DAY_LINE = /^#+\s*day\s+([1-7])\s*[:.\-–—]\s*(.+)$/i;
const COMMENT = /^#+\s?(.*)$/;
// A title is words on one line, as everywhere else in the plan ("Skeleton <escape> Setup" leaves two spaces).
const title = (text: string): string => text.replace(/\s+/g, ' ').trim();

export function hasDayLines(code: string): boolean {
  return code.split('\n').some((l) => DAY_LINE.test(l.trim()));
}

/**
 * `firstLine` is the Markdown line of the code block's first content line. With Day lines, only they
 * start tasks; without, every comment line is a task of its own.
 */
export function tasksFromCode(code: string, firstLine: number): CodeTasks {
  const byDay = hasDayLines(code);
  const tasks: CodeTask[] = [];
  const loose: CodeTasks['loose'] = [];
  code.split('\n').forEach((raw, index) => {
    const text = raw.trim();
    const line = firstLine + index;
    if (!text || /^#+\s*$/.test(text)) return;
    const day = DAY_LINE.exec(text);
    const comment = COMMENT.exec(text);
    const current = tasks[tasks.length - 1];
    if (day) {
      tasks.push({ title: title(day[2]!), day: Number(day[1]), steps: [], line });
    } else if (comment && !byDay && comment[1]!.trim()) {
      tasks.push({ title: title(comment[1]!), steps: [], line });
    } else if (current) {
      current.steps.push(comment ? comment[1]!.trim() : `$ ${text}`);
    } else {
      loose.push({ line, text });
    }
  });
  return { tasks, loose };
}
