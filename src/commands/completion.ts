// launch completion bash|zsh|fish: prints the shell's completion script (see render/completion.ts).
import { completionScript, SHELLS, type Shell } from '../render/completion.js';
import type { Ctx } from '../runtime.js';
import { examples, handle, type Register } from './shared/command.js';

export const register: Register = (program, rt) =>
  program
    .command('completion')
    .description('print the shell completion script for bash, zsh or fish')
    .addArgument(program.createArgument('<shell>', 'the shell').choices(SHELLS))
    .addHelpText(
      'after',
      examples('source <(launch completion bash)     # in ~/.bashrc', 'source <(launch completion zsh)      # in ~/.zshrc, after compinit', 'launch completion fish | source      # in ~/.config/fish/config.fish'),
    )
    .action(handle(rt, completionCommand));

export function completionCommand(ctx: Ctx, shell: Shell): void {
  ctx.rt.stdout.write(completionScript(shell));
}
