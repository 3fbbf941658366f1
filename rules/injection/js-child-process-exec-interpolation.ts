import { exec, execFile, execSync } from 'node:child_process';
import * as childProcess from 'node:child_process';

export function archive(branch: string, file: string): void {
  // ruleid: js-child-process-exec-interpolation
  execSync(`git checkout ${branch}`);

  // ruleid: js-child-process-exec-interpolation
  childProcess.exec('tar czf out.tgz ' + file, () => undefined);

  // ok: js-child-process-exec-interpolation
  execFile('git', ['checkout', branch], () => undefined);

  // ok: js-child-process-exec-interpolation
  exec('git status --porcelain', () => undefined);
}
