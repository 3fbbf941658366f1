/** Runs git without a shell, with a timeout, so a hung or huge git cannot stall the gate. */
import { execFile } from 'node:child_process';

const GIT_TIMEOUT_MS = 120_000;
const GIT_MAX_BUFFER = 512 * 1024 * 1024;

/** stdout of `git <args>` run in `cwd`; rejects with the first line of stderr on failure. */
export function runGit(cwd: string, args: readonly string[], stdin?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      [...args],
      {
        cwd,
        timeout: GIT_TIMEOUT_MS,
        maxBuffer: GIT_MAX_BUFFER,
        encoding: 'utf8',
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' },
      },
      (error, stdout, stderr) => {
        if (error) {
          const reason = stderr.split('\n').find((l) => l.trim() !== '') ?? error.message;
          reject(new Error(`git ${args[0] ?? ''} failed: ${reason.trim()}`));
        } else resolve(stdout);
      },
    );
    // git reads stdin only for plumbing such as `hash-object --stdin` and `mktree`. A git that exits
    // without reading it closes the pipe: its exit status, not EPIPE, tells what happened.
    child.stdin?.on('error', () => undefined);
    if (stdin === undefined) child.stdin?.end();
    else child.stdin?.end(stdin);
  });
}
