// `launch standup --answer`: which of the plan's questions each answer flag answers, by the question's
// words, not its position.

/** The answers `--yesterday`, `--today` and `--blockers` give, in that order. */
export const ANSWER_FLAGS = ['yesterday', 'today', 'blockers'] as const;
export type AnswerFlag = (typeof ANSWER_FLAGS)[number];
/** What a question asks about; the on-track question has no flag, only a suggestion. */
export type QuestionKind = AnswerFlag | 'onTrack';

/** A flag's own question, for a plan with no question that asks it (and a plan with no questions). */
export const DEFAULT_QUESTIONS: Readonly<Record<AnswerFlag, string>> = {
  yesterday: 'What did you complete yesterday?',
  today: 'What are you working on today?',
  blockers: 'Any blockers or dependencies?',
};

// First match wins: blockers before the days ("anything blocking you today?"), the days' own words
// before the weaker ones ("what will get done today?" asks about today).
const KIND_WORDS: readonly [QuestionKind, RegExp][] = [
  ['blockers', /\b(block\w*|impediments?|dependenc\w*|depend\w*|stuck|obstacles?|waiting (?:on|for))\b/i],
  ['onTrack', /\b(on track|off track|on schedule|behind|sprint goals?)\b/i],
  ['yesterday', /\b(yesterday|since (?:the )?last (?:standup|stand-up|meeting))\b/i],
  ['today', /\b(today|this morning)\b/i],
  ['yesterday', /\b(complet\w*|done|finish\w*|accomplish\w*|achiev\w*|shipped)\b/i],
  ['today', /\b(working on|work on|plan\w*|next|will you)\b/i],
];

/** What a standup question asks, judged by its words; undefined for anything else. */
export function questionKind(question: string): QuestionKind | undefined {
  return KIND_WORDS.find(([, words]) => words.test(question))?.[0];
}

/**
 * The answers of the flags given, each under the first plan question that asks for it. A flag no
 * question asks for keeps its own question (DEFAULT_QUESTIONS); a question no flag answers stays
 * unanswered. Plan questions come first, in the plan's order.
 */
export function answersByMeaning(questions: readonly string[], flags: Partial<Record<AnswerFlag, string>>): Record<string, string> {
  const planned = new Map<string, string>();
  const own: [string, string][] = [];
  for (const flag of ANSWER_FLAGS) {
    const text = flags[flag];
    if (text === undefined) continue;
    const question = questions.find((q) => questionKind(q) === flag && !planned.has(q));
    if (question === undefined) own.push([DEFAULT_QUESTIONS[flag], text]);
    else planned.set(question, text);
  }
  const answers: Record<string, string> = {};
  for (const q of questions) if (planned.has(q)) answers[q] = planned.get(q)!;
  for (const [q, text] of own) answers[q] = text;
  return answers;
}
