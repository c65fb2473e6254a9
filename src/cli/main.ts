// The `oss` command line. Declares every command and its options; each command's work lives in its own
// module under cli/commands/, loaded only when that command runs (start-up stays fast for shell aliases).
import { Command, CommanderError, Option } from 'commander';
import { OssError } from '../errors.js';
import { addHelpExamples } from './help-examples.js';
import { processIO, type CliIO } from '../io.js';
import { redact } from '../redact.js';
import { shownError } from './shown-error.js';
import { VERSION } from './version.js';

type Handler = (io: CliIO) => Promise<number>;

export async function main(argv: string[], rawIO: CliIO = processIO()): Promise<number> {
  let pending: Handler | undefined;
  // Everything oss prints passes through redaction (URL credentials, key-like parameters, active keys).
  const io: CliIO = { ...rawIO, stdout: (text) => rawIO.stdout(redact(text)), stderr: (text) => rawIO.stderr(redact(text)) };

  // Arguments after `--` on an `oss run` line belong to claude, not to oss.
  const dashDash = argv.indexOf('--');
  const ownArgs = dashDash >= 0 ? argv.slice(0, dashDash) : argv;
  const claudeArgs = dashDash >= 0 ? argv.slice(dashDash + 1) : [];

  const program = new Command('oss')
    .description('Run Claude Code on other models, chosen per prompt.')
    .version(VERSION, '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run `oss --help` for usage)');

  const models = program.command('models').description('choose, inspect and test models; keys; costs');

  models
    .command('config')
    .description('show which model each configured or discovered prompt uses, and why')
    .option('--json', 'machine-readable output')
    .action((opts: Record<string, unknown>) => {
      pending = async (cio) => (await import('./commands/models-config.js')).modelsConfig(opts, cio);
    });

  models
    .command('set')
    .description('route a prompt to a model (user config unless --project/--local)')
    .argument('<prompt>', 'prompt name, e.g. oss:ship or code-reviewer')
    .argument('<model>', 'model id, e.g. openrouter/deepseek/deepseek-chat, ollama/llama3.2, claude')
    .option('--project', 'write .oss/config.json of this project')
    .option('--local', 'write .oss/config.local.json of this project (personal)')
    .addOption(new Option('--type <type>', 'prompt type').choices(['command', 'agent', 'skill', 'hook']))
    .action((prompt: string, model: string, opts: Record<string, unknown>) => {
      pending = async (cio) => (await import('./commands/models-set.js')).modelsSet(prompt, model, opts, cio);
    });

  models
    .command('unset')
    .description('remove a prompt\'s model setting')
    .argument('<prompt>', 'prompt name')
    .option('--project', 'write .oss/config.json of this project')
    .option('--local', 'write .oss/config.local.json of this project (personal)')
    .addOption(new Option('--type <type>', 'prompt type').choices(['command', 'agent', 'skill', 'hook']))
    .action((prompt: string, opts: Record<string, unknown>) => {
      pending = async (cio) => (await import('./commands/models-set.js')).modelsUnset(prompt, opts, cio);
    });

  models
    .command('list')
    .description('list known models with prices, context windows and capabilities')
    .option('--provider <provider>', 'only this provider')
    .option('--json', 'machine-readable output')
    .action((opts: Record<string, unknown>) => {
      pending = async (cio) => (await import('./commands/models-list.js')).modelsList(opts, cio);
    });

  models
    .command('search')
    .description('search models by name or capability (tools, vision, reasoning, free)')
    .argument('[query...]', 'words to look for (all must match)')
    .option('--free', 'only free models')
    .option('--json', 'machine-readable output')
    .action((query: string[], opts: Record<string, unknown>) => {
      pending = async (cio) => (await import('./commands/models-search.js')).modelsSearch(query.join(' '), opts, cio);
    });

  models
    .command('test')
    .description('send one minimal request to a model through the proxy\'s adapter')
    .argument('<model>', 'model id')
    .option('--json', 'machine-readable output')
    .option('--timeout <ms>', 'give up after this many milliseconds', '30000')
    .action((model: string, opts: Record<string, unknown>) => {
      pending = async (cio) => (await import('./commands/models-test.js')).modelsTest(model, opts, cio);
    });

  models
    .command('costs')
    .description('what your runs cost, from ~/.oss/usage.json')
    .option('--since <date>', 'first day, YYYY-MM-DD')
    .option('--until <date>', 'last day, YYYY-MM-DD')
    .addOption(new Option('--by <grouping>', 'group rows by').choices(['day', 'prompt', 'model']).default('day'))
    .option('--chart', 'draw a bar per row instead of the table')
    .option('--json', 'machine-readable output')
    .action((opts: Record<string, unknown>) => {
      pending = async (cio) => (await import('./commands/models-costs.js')).modelsCosts(opts, cio);
    });

  models
    .command('refresh')
    .description('fetch OpenRouter\'s model list and the local Ollama\'s models into the cache')
    .option('--json', 'machine-readable output')
    .action((opts: Record<string, unknown>) => {
      pending = async (cio) => (await import('./commands/models-refresh.js')).modelsRefresh(opts, cio);
    });

  const keys = models.command('keys').description('store provider API keys in ~/.oss/credentials.json (0600)');
  keys
    .command('set')
    .description('store a key; without [key] it is read from stdin or a hidden prompt')
    .argument('<provider>', 'provider name')
    .argument('[key]', 'the key (prefer leaving it out: it stays out of shell history)')
    .action((provider: string, key: string | undefined) => {
      pending = async (cio) => (await import('./commands/models-keys.js')).keysSet(provider, key, cio);
    });
  keys
    .command('list')
    .description('show stored keys, masked, and which environment variable overrides each')
    .option('--json', 'machine-readable output')
    .action((opts: Record<string, unknown>) => {
      pending = async (cio) => (await import('./commands/models-keys.js')).keysList(opts, cio);
    });
  keys
    .command('rm')
    .description('remove a stored key')
    .argument('<provider>', 'provider name')
    .action((provider: string) => {
      pending = async (cio) => (await import('./commands/models-keys.js')).keysRemove(provider, cio);
    });

  program
    .command('run')
    .description('run Claude Code with the prompt\'s model; args after -- go to claude')
    .argument('[prompt...]', 'a slash command with its arguments (/oss:ship prod) or free text; none: an interactive session')
    .option('-m, --model <model>', 'model for this run (beats every config)')
    .option('-p, --print', 'non-interactive: print the answer and exit (claude -p)')
    .option('--fallback', 'fall back to Claude when the provider fails (default: config, else on)')
    .option('--no-fallback', 'never fall back to Claude')
    .option('--max-cost <usd>', 'stop calling models once this run has cost this many dollars')
    .option('--dry-run', 'print the route plan and exit')
    .option('-r, --resume <session-id>', 'reopen a Claude Code session through oss (the id oss printed when it ended)')
    .option('-c, --continue', 'reopen the most recent session in this folder through oss')
    .option('--claude-bin <path>', 'the claude binary to run')
    .option('-q, --quiet', 'no summary line')
    .action((prompt: string[], opts: Record<string, unknown>) => {
      pending = async (cio) => (await import('./commands/run.js')).run(prompt, opts, claudeArgs, cio);
    });

  program
    .command('serve')
    .description('run the proxy in the foreground for editors and manual use')
    .option('-m, --model <model>', 'main model')
    .option('--port <port>', 'port to listen on (default: any free port)')
    .option('--secret-file <path>', 'read a fixed path secret from this file, for a stable URL (or set OSS_SECRET; default: random)')
    .option('--flush-every <seconds>', 'merge usage into ~/.oss/usage.json this often', '60')
    .addOption(new Option('--secret <secret>', 'refused: visible in ps; use OSS_SECRET or --secret-file').hideHelp())
    .action((opts: Record<string, unknown>) => {
      pending = async (cio) => (await import('./commands/serve.js')).serve(opts, cio);
    });

  program
    .command('statusline')
    .description('one line for Claude Code\'s status line, from the live run (nothing without one)')
    .action(() => {
      pending = async (cio) => (await import('./commands/statusline.js')).statusline(cio);
    });

  program
    .command('trust')
    .description('let this project\'s .oss config files set providers\' baseUrl, apiKeyEnv, headers and type')
    .argument('[file...]', 'config files (default: this project\'s .oss/config.json and .oss/config.local.json)')
    .option('--list', 'show trusted files and whether they changed since')
    .option('--revoke', 'stop trusting the files')
    .action((files: string[], opts: Record<string, unknown>) => {
      pending = async (cio) => (await import('./commands/trust.js')).trustCommand(files, opts, cio);
    });

  program
    .command('demo')
    .description('see oss work end to end: real claude, a built-in local model, no keys, no network')
    .option('--claude-bin <path>', 'the claude binary to run')
    .action((opts: Record<string, unknown>) => {
      pending = async (cio) => (await import('./commands/demo.js')).demo(opts, cio);
    });

  program
    .command('alias')
    .description('print shell functions for your routed commands and agents, and config "aliases"')
    .addOption(new Option('--shell <shell>', 'shell syntax (default: from $SHELL, else bash)').choices(['bash', 'zsh', 'fish']))
    .action((opts: Record<string, unknown>) => {
      pending = async (cio) => (await import('./commands/alias.js')).alias(opts, cio);
    });

  program
    .command('completion')
    .description('print the tab-completion script for bash, zsh or fish')
    .argument('<shell>', 'bash, zsh or fish')
    .action((shell: string) => {
      pending = async (cio) => (await import('./commands/completion.js')).completion(shell, cio);
    });

  program
    .command('__complete', { hidden: true })
    .description('candidates for the last of the words after --, one per line (used by the completion scripts)')
    .action(() => {
      pending = async (cio) => (await import('./commands/completion.js')).complete(program, claudeArgs, cio);
    });

  program
    .command('doctor')
    .description('check claude, its login, environment, config, keys, Ollama, the ledger and ~/.oss; each ✗ says how to fix it')
    .option('--json', 'machine-readable output')
    .option('--claude-bin <path>', 'the claude binary to check')
    .action((opts: Record<string, unknown>) => {
      pending = async (cio) => (await import('./commands/doctor.js')).doctor(opts, cio);
    });

  addHelpExamples(program);

  try {
    await program.parseAsync(ownArgs, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    throw error;
  }
  if (!pending) return 0;
  try {
    return await pending(io);
  } catch (error) {
    if (error instanceof OssError) {
      io.stderr(`oss: ${(await shownError(error)).message}\n`);
      return error.exitCode;
    }
    throw error;
  }
}
