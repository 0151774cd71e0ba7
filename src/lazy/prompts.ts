// Chunk: @inquirer/prompts (~50 ms to load), only when a question is really asked.
export { checkbox, confirm, input, select } from '@inquirer/prompts';
