import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import type { Context } from '../cli/context.js';
import { examples } from '../cli/help.js';
import { recentIds } from '../store/records.js';
import { safeLine } from '../render/text.js';

/** How many ids of each kind completion offers: the newest, which are the ones people fix. */
const RECENT_IDS = 500;

interface Spec {
  name: string;
  summary: string;
  flags: string[];
}

/** Commands and their long flags, read from the program so completion never drifts from it. */
function specs(program: Command): Spec[] {
  return program.commands
    .filter((c) => !(c as unknown as { _hidden?: boolean })._hidden && c.name() !== 'help')
    .map((c) => ({
      name: c.name(),
      summary: c.summary() || c.description().split('\n')[0] || '',
      flags: [...c.options.map((o) => o.long).filter((l): l is string => Boolean(l)), '--help'],
    }));
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * Commands whose argument can be an item id (`i12`, `l3`, `p7`, `n2`): completion offers the
 * ids of recent records there, besides contact names.
 */
const TAKES_ITEM_IDS = ['edit', 'rm', 'history', 'done', 'snooze', 'lead', 'promise', 'need', 'job'];

// Contact names come from strangers (imported vCards): the scripts below never let a shell
// expand them. Each asks the command by the name it was invoked as (`net-journal` where
// `net` is Samba's tool) for `__names`, one name per line with control characters shown.

function bash(all: Spec[]): string {
  const cases = all.map((s) => `    ${s.name}) flags=${quote(s.flags.join(' '))} ;;`).join('\n');
  // compgen -W would expand $(...) and backticks inside names: names are matched with a
  // quoted pattern instead and inserted quoted by printf %q.
  return `# net completion for bash: add to ~/.bashrc:  source <(net completion bash)
_net_complete() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" flags="" name
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=( $(compgen -W ${quote(all.map((s) => s.name).join(' '))} -- "$cur") )
    return
  fi
  case "\${COMP_WORDS[1]}" in
${cases}
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=( $(compgen -W "$flags --db --no-color" -- "$cur") )
    return
  fi
  local ids=""
  case "\${COMP_WORDS[1]}" in
    ${TAKES_ITEM_IDS.join('|')}) ids=1 ;;
  esac
  COMPREPLY=()
  while IFS= read -r name; do
    [[ "$name" == "$cur"* ]] && COMPREPLY+=( "$(printf '%q' "$name")" )
  done < <("$1" __names 2>/dev/null; [[ -n "$ids" ]] && "$1" __ids 2>/dev/null)
}
complete -F _net_complete net net-journal
`;
}

function zsh(all: Spec[]): string {
  const cmds = all.map((s) => `    ${quote(`${s.name}:${s.summary.replace(/:/g, '\\:')}`)}`).join('\n');
  const cases = all.map((s) => `      ${s.name}) flags=(${s.flags.join(' ')}) ;;`).join('\n');
  // A command substitution inside double quotes is not expanded again, and compadd quotes
  // what it inserts.
  return `#compdef net net-journal
# net completion for zsh: add to ~/.zshrc:  source <(net completion zsh)
_net() {
  local -a cmds flags names
  cmds=(
${cmds}
  )
  if (( CURRENT == 2 )); then
    _describe 'command' cmds
    return
  fi
  if [[ $words[CURRENT] == -* ]]; then
    case $words[2] in
${cases}
    esac
    compadd -- $flags --db --no-color
    return
  fi
  names=("\${(@f)$(\${words[1]} __names 2>/dev/null)}")
  case $words[2] in
    ${TAKES_ITEM_IDS.join('|')}) names+=("\${(@f)$(\${words[1]} __ids 2>/dev/null)}") ;;
  esac
  compadd -- "\${names[@]}"
}
compdef _net net net-journal
`;
}

function fish(all: Spec[]): string {
  const lines = [
    '# net completion for fish: net completion fish > ~/.config/fish/completions/net.fish',
    '# Names come from the command being completed (net or net-journal); fish does not expand',
    "# a command substitution's output again, and escapes what it inserts.",
    'function __net_names',
    '    set -l cmd (commandline -opc)[1]',
    '    $cmd __names 2>/dev/null',
    'end',
    'function __net_ids',
    '    set -l cmd (commandline -opc)[1]',
    '    $cmd __ids 2>/dev/null',
    'end',
  ];
  // Each name gets its own completions: a wrapped one (-w) would be handed the line as
  // `net ...`, and ask Samba's net for names.
  for (const cmd of ['net', 'net-journal']) {
    lines.push(`complete -c ${cmd} -f`);
    for (const s of all) {
      lines.push(`complete -c ${cmd} -n __fish_use_subcommand -a ${s.name} -d ${quote(s.summary)}`);
      for (const f of s.flags) lines.push(`complete -c ${cmd} -n ${quote(`__fish_seen_subcommand_from ${s.name}`)} -l ${f.replace(/^--/, '')}`);
    }
    lines.push(`complete -c ${cmd} -n 'not __fish_use_subcommand' -a '(__net_names)'`);
    lines.push(`complete -c ${cmd} -n ${quote(`__fish_seen_subcommand_from ${TAKES_ITEM_IDS.join(' ')}`)} -a '(__net_ids)'`);
  }
  return `${lines.join('\n')}\n`;
}

export function registerCompletion(program: Command, ctx: Context): void {
  program
    .command('completion')
    .argument('<shell>', 'bash, zsh or fish')
    .summary('print a shell completion script (commands, flags and contact names)')
    .addHelpText('after', examples(['net completion bash >> ~/.bashrc', 'net completion zsh > ~/.zfunc/_net', 'net completion fish > ~/.config/fish/completions/net.fish']))
    .action((shell: string) => {
      const all = specs(program);
      const script = shell === 'bash' ? bash(all) : shell === 'zsh' ? zsh(all) : shell === 'fish' ? fish(all) : null;
      if (script === null) throw new UsageError(`No completion for "${shell}". Use bash, zsh or fish.`);
      ctx.io.out(script.replace(/\n$/, ''));
    });

  program
    .command('__names', { hidden: true })
    .description('contact names, one per line, for shell completion')
    .action(() => {
      // Shown, not obeyed: a completion list is printed on the terminal as it is.
      const names = ctx.journal().contacts.names().map(safeLine);
      if (names.length) ctx.io.out(names.join('\n'));
    });

  program
    .command('__ids', { hidden: true })
    .description('ids of recent interactions, leads, promises and needs, one per line, for shell completion')
    .action(() => {
      const ids = recentIds(ctx.journal().db, RECENT_IDS);
      if (ids.length) ctx.io.out(ids.join('\n'));
    });
}
