import { execSync, exec } from 'node:child_process';
import * as cp from 'node:child_process';

export function cleanup(dir: string, stack: string): void {
  // ruleid: js-child-process-destructive-command
  execSync(`rm -rf ${dir}`);

  // ruleid: js-child-process-destructive-command
  cp.execSync('terraform destroy -auto-approve', { cwd: stack });

  // ruleid: js-child-process-destructive-command
  exec('kubectl delete namespace production');

  // ok: js-child-process-destructive-command
  execSync('git status --porcelain');

  // ok: js-child-process-destructive-command
  cp.execFileSync('terraform', ['plan', '-out=plan.tfplan'], { cwd: stack });
}
