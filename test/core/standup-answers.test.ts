// standup --answer by meaning: which question a flag answers.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlanYaml } from '../../src/core/plan/yaml.js';
import { answersByMeaning, DEFAULT_QUESTIONS, questionKind } from '../../src/core/queries/standup-answers.js';

const parsed = parsePlanYaml(readFileSync(new URL('../../plans/securenet-launch.yaml', import.meta.url), 'utf8'));
if (!parsed.ok) throw new Error('bundled plan invalid');
const plan = parsed.plan;

describe('questions are matched by meaning', () => {
  it('classifies the bundled plan\'s questions and other wordings', () => {
    expect(plan.standup.questions.map(questionKind)).toEqual(['yesterday', 'today', 'blockers', 'onTrack']);
    expect(questionKind('What did you get done since the last standup?')).toBe('yesterday');
    expect(questionKind('What have you finished?')).toBe('yesterday');
    expect(questionKind('What is your plan for the day?')).toBe('today');
    expect(questionKind('What will you work on next?')).toBe('today');
    expect(questionKind('Is anything blocking you today?')).toBe('blockers');
    expect(questionKind('Are you stuck on anything?')).toBe('blockers');
    expect(questionKind('Any impediments?')).toBe('blockers');
    expect(questionKind('Which dependencies are you waiting for?')).toBe('blockers');
    expect(questionKind('Anything to celebrate?')).toBeUndefined();
  });

  it('each flag lands on the question that asks it, in the plan\'s order; the rest keep their own question', () => {
    const questions = ['Any blockers or impediments?', 'What is your plan for today?'];
    const answers = answersByMeaning(questions, { yesterday: 'skeletons', today: 'bundle', blockers: 'none' });
    expect(answers).toEqual({ 'Any blockers or impediments?': 'none', 'What is your plan for today?': 'bundle', [DEFAULT_QUESTIONS.yesterday]: 'skeletons' });
    expect(Object.keys(answers)).toEqual([...questions, DEFAULT_QUESTIONS.yesterday]);
    // A question no flag answers is left unanswered.
    expect(answersByMeaning(questions, { today: 'bundle' })).toEqual({ 'What is your plan for today?': 'bundle' });
    expect(answersByMeaning([], { blockers: 'none' })).toEqual({ [DEFAULT_QUESTIONS.blockers]: 'none' });
  });
});
