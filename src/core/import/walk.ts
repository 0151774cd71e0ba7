// Walks the Markdown tree once, in document order, collecting drafts. Headings set the context
// (sprint, week, block, days); the nodes under a heading are read in that context.
import type { BlockContent, Code, Heading, List, ListItem, Nodes, Paragraph, RootContent, Table } from 'mdast';
import { extractThresholds } from '../targets/targets.js';
import { tasksFromCode, hasDayLines } from './code-tasks.js';
import type { BlockDraft, Collected, Context, ItemDraft, LevelDraft, SectionDraft, WeekDraft } from './drafts.js';
import { kpisFromTable } from './kpi-table.js';
import { clean, hasCheckbox, itemTitle, lineOf, toString } from './mdast-text.js';
import { splitOwner } from './owners.js';
import { headingHints, nominalWeekday, stripDecoration } from './schedule-hints.js';

const TASK_LABELS = /^(daily tasks|tasks|action items|actions|to ?dos?|steps|deliverables)$/;
/** Walks the document's top-level nodes in order; it keeps what it collects, never the nodes. */
export function walk(nodes: Iterable<RootContent>): Collected {
  const rootSection: SectionDraft = { title: '', level: 0, notes: [], line: 1 };
  const out: Collected = {
    description: [], sections: [rootSection], sprints: [], weeks: [], blocks: [], items: [], kpis: [],
    standup: { questions: [], weeklyReview: [], riskAssessment: [] }, levels: [], contacts: [], warnings: [],
  };
  const stack: Context[] = [{ depth: 0, section: rootSection }];
  // A "**Tasks**:" paragraph labels the one node that follows it.
  let label: string | undefined;
  let nextLabel: string | undefined;
  const ctx = (): Context => stack[stack.length - 1]!;
  const warn = (line: number, message: string): void => void out.warnings.push({ line, message });

  function note(node: Nodes, what: string): void {
    const text = clean(node.type === 'code' ? node.value : toString(node));
    if (!text) return;
    const section = ctx().section;
    section.notes.push({ line: lineOf(node), text });
    warn(lineOf(node), `${what} kept as a note under "${section.title || 'the plan'}"`);
  }

  function sprintFor(hints: NonNullable<ReturnType<typeof headingHints>['sprint']>, title: string, line: number) {
    let sprint = out.sprints.find((s) => s.label === hints.label);
    const isNew = !sprint;
    if (!sprint) {
      sprint = { label: hints.label, title, line };
      out.sprints.push(sprint);
    }
    return { sprint, isNew };
  }

  function heading(node: Heading): void {
    while (stack.length > 1 && ctx().depth >= node.depth) stack.pop();
    const parent = ctx();
    // Emoji decorate section headings ("📅 SPRINT 1"); the plan's own title keeps them.
    const text = node.depth === 1 ? clean(toString(node)) : stripDecoration(toString(node));
    const hints = headingHints(toString(node));
    for (const problem of hints.problems ?? []) warn(lineOf(node), problem);
    const section: SectionDraft = { title: text, level: node.depth, parent: parent.section, notes: [], line: lineOf(node) };
    out.sections.push(section);
    const next: Context = { ...parent, depth: node.depth, section };
    delete next.day;
    if (node.depth === 1 && out.title === undefined) {
      out.title = text;
      stack.push(next);
      return;
    }
    if (parent.mode === 'standup') {
      next.mode = /question/i.test(text) ? 'questions' : /risk/i.test(text) ? 'riskAssessment' : /review|metric/i.test(text) ? 'weeklyReview' : 'standup';
    } else if (parent.mode === 'escalation' || parent.mode === 'level' || parent.mode === 'contacts') {
      if (/contact/i.test(text)) next.mode = 'contacts';
      else {
        const m = /^(.*?)\s*\(([^)]*)\)\s*$/.exec(text);
        const level: LevelDraft = { title: m ? m[1]! : text, triggers: [], line: lineOf(node) };
        if (m) level.timing = m[2]!;
        out.levels.push(level);
        next.mode = 'level';
        next.level = level;
      }
    } else if (/stand-?up/i.test(text) && !hints.days && !hints.week) {
      next.mode = 'standup';
    } else if (/escalat/i.test(text) && !hints.days && !hints.week) {
      next.mode = 'escalation';
    } else {
      delete next.mode;
      applySchedule(node, hints, parent, next);
    }
    stack.push(next);
  }

  function applySchedule(node: Heading, hints: ReturnType<typeof headingHints>, parent: Context, next: Context): void {
    const line = lineOf(node);
    let scheduled = false;
    if (hints.sprint) {
      const { sprint, isNew } = sprintFor(hints.sprint, hints.title, line);
      next.sprint = sprint;
      delete next.block;
      delete next.week;
      if (hints.week && isNew) sprint.weeks = hints.week;
      if (sprint.weeks) next.weeks = sprint.weeks;
      else delete next.weeks;
      scheduled = true;
    } else if (hints.week) {
      const week: WeekDraft = { title: hints.title, weeks: hints.week, line };
      if (parent.sprint) week.sprint = parent.sprint;
      out.weeks.push(week);
      next.week = week;
      next.weeks = hints.week;
      delete next.block;
      delete next.days;
      scheduled = true;
    } else if (hints.weekScope) {
      next.weeks = hints.weekScope;
      delete next.block;
    }
    if (hints.day !== undefined) next.day = hints.day;
    if (hints.days) {
      next.days = hints.days;
      makeBlock(next, hints.title, line);
    } else if (!scheduled && parent.week && !parent.block) {
      // "#### Advanced Testing" under "### Week 5-6": a focus area spanning the whole weeks.
      makeBlock(next, hints.title, line);
    }
  }

  function makeBlock(c: Context, title: string, line: number): BlockDraft {
    // "### 📅" under a week: decoration only, but still a block that needs a name.
    const block: BlockDraft = { title: title || `Block at line ${line}`, section: c.section, line };
    if (c.sprint) block.sprint = c.sprint;
    if (c.weeks) block.weeks = c.weeks;
    if (c.days) block.days = c.days;
    out.blocks.push(block);
    c.block = block;
    return block;
  }

  function addItem(kind: 'task' | 'check', title: string, line: number, extra: Partial<ItemDraft> = {}): ItemDraft {
    const c = ctx();
    if (!title) {
      // "- [ ] " followed only by a no-break space or BOM: still a checkbox, so still an item.
      warn(line, 'an item with no text; titled "(untitled)"');
      title = '(untitled)';
    }
    const named = splitOwner(title);
    const item: ItemDraft = { kind, title: named.title, section: c.section, line, ...extra };
    if (named.owner !== undefined) item.owner = named.owner;
    if (c.sprint) item.sprint = c.sprint;
    if (c.block) item.block = c.block;
    if (c.weeks) item.weeks = c.weeks;
    if (c.days) item.days = c.days;
    const day = extra.day ?? c.day;
    if (day !== undefined) {
      item.day = day;
      const weekday = nominalWeekday(day);
      if (weekday) item.weekday = weekday;
    } else if (c.days && c.days.from === c.days.to) {
      item.weekday = c.days.from;
    }
    if (kind === 'check') {
      const thresholds = extractThresholds(named.title);
      if (thresholds.length > 0) item.thresholds = thresholds;
    }
    out.items.push(item);
    return item;
  }

  function paragraph(node: Paragraph): void {
    const first = node.children[0];
    const text = clean(toString(node));
    const keyValue = first?.type === 'strong' ? /^([^:]{1,40}):\s*(.*)$/.exec(text) : null;
    if (keyValue && keyValue[2] === '') {
      nextLabel = keyValue[1]!.toLowerCase();
      return;
    }
    if (keyValue && /^teams?$/i.test(keyValue[1]!)) {
      const c = ctx();
      const block = c.block ?? (c.weeks ? makeBlock(c, headingHints(c.section.title).title, c.section.line) : undefined);
      if (block) block.team = keyValue[2]!;
      else note(node, 'team line outside any scheduled section');
      return;
    }
    if (out.sprints.length === 0 && ctx().depth <= 1 && ctx().mode === undefined && out.items.length === 0) {
      out.description.push(text);
      return;
    }
    note(node, 'paragraph');
  }

  function code(node: Code): void {
    const c = ctx();
    const wanted = (label && TASK_LABELS.test(label)) || hasDayLines(node.value) || (c.block && /^(bash|sh|shell|zsh)?$/.test(node.lang ?? ''));
    if (!wanted) return note(node, 'code block');
    const { tasks, loose } = tasksFromCode(node.value, lineOf(node) + 1);
    for (const t of loose) {
      c.section.notes.push(t);
      warn(t.line, `line outside any task kept as a note under "${c.section.title}"`);
    }
    for (const t of tasks) {
      const extra: Partial<ItemDraft> = t.steps.length > 0 ? { steps: t.steps } : {};
      if (t.day !== undefined) extra.day = t.day;
      addItem('task', t.title, t.line, extra);
    }
    if (tasks.length === 0 && loose.length === 0) warn(lineOf(node), 'empty code block ignored');
  }

  /** `underEntry`: a sub-list of a standup question or escalation trigger, read as ordinary content. */
  function list(node: List, parentItem?: ItemDraft, underEntry = false): void {
    const c = ctx();
    const taskList = (label && TASK_LABELS.test(label)) || (node.ordered && (c.block || c.days || c.day !== undefined));
    for (const li of node.children) {
      const { title, detail } = itemTitle(li);
      const nested = li.children.filter((n): n is List => n.type === 'list');
      if (li.checked !== null && li.checked !== undefined) {
        const extra: Partial<ItemDraft> = {};
        if (parentItem) extra.parent = parentItem;
        if (li.checked) extra.done = true;
        const item = addItem('check', detail ? `${title} - ${detail}` : title, lineOf(li), extra);
        nested.forEach((l) => list(l, item));
        continue;
      }
      if (c.mode && c.mode !== 'standup' && c.mode !== 'escalation' && !parentItem && !underEntry) {
        modeEntry(c, title, detail, li);
        // Checkboxes under a question or trigger are still checklist items; other sub-bullets are notes.
        nested.forEach((l) => list(l, undefined, true));
        continue;
      }
      if (taskList && !parentItem) {
        // Sub-lists holding a checkbox at any depth are walked (their plain entries become steps
        // there); the others are steps as they stand. Reading both ways doubled every step.
        const walked = nested.filter(hasCheckbox);
        const steps = nested.filter((l) => !walked.includes(l)).flatMap((l) => l.children.map((n) => clean(toString(n))));
        const extra: Partial<ItemDraft> = steps.length > 0 ? { steps } : {};
        if (detail) extra.detail = detail;
        const item = addItem('task', title, lineOf(li), extra);
        walked.forEach((l) => list(l, item));
        continue;
      }
      if (!title && nested.length > 0) {
        nested.forEach((l) => list(l, parentItem, underEntry));
        continue;
      }
      if (parentItem) {
        (parentItem.steps ??= []).push(detail ? `${title} - ${detail}` : title);
      } else {
        note(li, 'list item');
      }
      nested.forEach((l) => list(l, parentItem, underEntry));
    }
  }

  function modeEntry(c: Context, title: string, detail: string | undefined, li: ListItem): void {
    const full = detail ? `${title} - ${detail}` : title;
    switch (c.mode) {
      case 'questions': out.standup.questions.push(full); break;
      case 'weeklyReview': out.standup.weeklyReview.push(full); break;
      case 'riskAssessment': out.standup.riskAssessment.push(full); break;
      case 'level': c.level!.triggers.push(full); break;
      case 'contacts': {
        const text = clean(toString(li));
        const m = /^([^:]+):\s*(.*)$/.exec(text);
        out.contacts.push(m ? { role: m[1]!.trim(), contact: m[2]!.trim() } : { role: text, contact: '' });
        break;
      }
      default: note(li, 'list item');
    }
  }

  function table(node: Table): void {
    const kpis = kpisFromTable(node, ctx(), warn);
    if (kpis === null) return note(node, 'table');
    for (const k of kpis) out.kpis.push(k); // not push(...): a table may have 100,000s of rows
  }

  function node(n: RootContent | BlockContent): void {
    switch (n.type) {
      case 'heading': return heading(n);
      case 'paragraph': return paragraph(n);
      case 'code': return code(n);
      case 'list': return list(n);
      case 'table': return table(n);
      case 'yaml': out.frontMatter = n.value; return;
      case 'thematicBreak': case 'definition': return;
      case 'html': if (/^\s*<!--[\s\S]*-->\s*$/.test(n.value)) return; return note(n, 'HTML');
      case 'blockquote':
        // Lists inside a quote are still checklists; its prose is the plan's description or a note.
        for (const child of n.children) {
          if (child.type === 'paragraph' && out.sprints.length === 0 && ctx().depth <= 1) out.description.push(clean(toString(child)));
          else node(child);
        }
        return;
      default: note(n as Nodes, n.type);
    }
  }

  for (const child of nodes) {
    label = nextLabel;
    nextLabel = undefined;
    node(child);
  }
  return out;
}
