/** Destructive commands through the shell parser: quoting, chains and wrappers; the false positives stay out. */
import { beforeAll, describe, expect, it } from 'vitest';
import { commandFindings, commandRules, scriptKindOf } from '../src/commands.js';
import { shellCommands } from '../src/shell.js';
import { loadSqlParsers } from '../src/sql/index.js';
import { addedFile, changedFile, fixture } from './support.js';

beforeAll(loadSqlParsers);

const ops = (script: string): string[] =>
  shellCommands(script).flatMap((c) => commandRules(c).map((r) => `${r.operation} ${r.object}`));

describe('commands', () => {
  it('finds each listed command, through sudo/env prefixes, && chains, pipes and if bodies', () => {
    expect(
      ops(`set -e
sudo -E env AWS_PROFILE=prod aws ec2 terminate-instances --instance-ids i-1 && echo done
aws rds delete-db-instance --db-instance-identifier main | tee log
aws s3 rb s3://bucket --force; aws s3 rm s3://bucket/data --recursive
if [ "$CI" ]; then gcloud sql instances delete main --quiet; fi
az group delete --name prod-rg --yes
kubectl delete namespace prod
helm uninstall api
terraform destroy -auto-approve
tofu apply -auto-approve
terraform apply -destroy
dropdb app_production
psql "$DATABASE_URL" -c 'DROP TABLE users'
mysql -e "TRUNCATE sessions" app
redis-cli -h cache FLUSHALL
rm -rf "$BUILD_DIR"
rm -fr /
rm -rf "$DIR"/* $A/$B ~
`),
    ).toEqual([
      'aws-delete ec2 terminate-instances',
      'aws-delete rds delete-db-instance',
      'aws-s3-rb-force s3://bucket',
      'aws-s3-rm-recursive s3://bucket/data',
      'gcloud-delete sql instances delete main',
      'az-delete group delete',
      'kubectl-delete namespace prod',
      'helm-uninstall api',
      'terraform-destroy destroy -auto-approve',
      'terraform-apply-auto-approve apply -auto-approve',
      'terraform-destroy apply -destroy',
      'dropdb app_production',
      'psql-drop-table users',
      'mysql-truncate sessions',
      'redis-flush FLUSHALL',
      'rm-rf $BUILD_DIR',
      'rm-rf /',
      'rm-rf $DIR/*',
      'rm-rf $A/$B',
      'rm-rf ~',
    ]);
  });

  it('false positives: dry runs, temp subpaths, quoted text, comments, plans and reads', () => {
    expect(
      ops(`kubectl delete -f deploy.yaml --dry-run=client
rm -rf "$TMPDIR/build" "\${RUNNER_TEMP}/cache" ./dist node_modules $(NAME)-$(VERSION)*.tgz "$OUT"/index.yaml
echo "rm -rf / and DROP TABLE users"
# terraform destroy -auto-approve
terraform plan -destroy
psql -c 'SELECT 1' && mysql -e 'DELETE FROM t WHERE id = 1'
aws s3 ls s3://bucket --recursive
kubectl get pods`),
    ).toEqual([]);
  });

  it('recognises the script files', () => {
    expect(
      [
        'deploy.sh',
        'Makefile',
        'docker/Dockerfile',
        'package.json',
        '.github/workflows/ci.yml',
        'src/a.ts',
      ].map(scriptKindOf),
    ).toEqual(['shell', 'makefile', 'dockerfile', 'package-json', 'workflow', undefined]);
  });

  it('reports commands on added lines only, at their file line, in every script kind', () => {
    const sh = 'echo hi\nkubectl delete ns old\nhelm uninstall api\n';
    expect(
      commandFindings(changedFile('ops/x.sh', sh, [3]), sh).map((f) => `${f.line} ${f.operation}`),
    ).toEqual(['3 helm-uninstall']);
    const workflow = `on: push
jobs:
  clean:
    runs-on: ubuntu-latest
    steps:
      - run: echo ok
      - name: wipe
        run: |
          echo start
          aws s3 rm s3://b/x --recursive
      - run: terraform destroy -auto-approve
      - run: rm -rf "\${{ runner.temp }}/x" && echo \${{ github.sha }} && rm -rf \${{ inputs.dir }}
`;
    expect(
      commandFindings(addedFile('.github/workflows/x.yml', workflow), workflow).map(
        (f) => `${f.line} ${f.operation}`,
      ),
    ).toEqual(['10 aws-s3-rm-recursive', '11 terraform-destroy', '12 rm-rf']);
    const make = 'clean:\n\t@rm -rf $(BUILD)\n\trm -rf "$$TMPDIR/x"\n';
    expect(commandFindings(addedFile('Makefile', make), make).map((f) => `${f.line} ${f.object}`)).toEqual([
      '2 $(...)',
    ]);
    const docker = 'FROM debian\nRUN apt-get update && \\\n    rm -rf /\n';
    expect(
      commandFindings(addedFile('Dockerfile', docker), docker).map((f) => `${f.line} ${f.operation}`),
    ).toEqual(['3 rm-rf']);
    const pkg = '{\n  "scripts": {\n    "build": "tsc",\n    "nuke": "redis-cli flushall"\n  }\n}\n';
    expect(
      commandFindings(addedFile('package.json', pkg), pkg).map((f) => `${f.line} ${f.operation}`),
    ).toEqual(['4 redis-flush']);
  });

  it('a script the shell parser cannot read is its own finding', () => {
    const bad = 'if then fi (\n';
    expect(commandFindings(addedFile('x.sh', bad), bad).map((f) => f.operation)).toEqual(['unparsed']);
  });
});

/** Real scripts of mender-helm (Apache-2.0, see the MANIFEST), each judged as a file the PR adds. */
describe('real scripts', () => {
  const judge = (rel: string): string[] =>
    commandFindings(addedFile(rel, fixture(rel)), fixture(rel)).map(
      (f) => `${f.line} ${f.operation} ${f.object}`,
    );

  it('mender-helm CI scripts and Makefile', () => {
    expect(judge('mender-helm/tests/ci-make-clean.sh')).toEqual([
      '19 helm-uninstall $(...)',
      '22 kubectl-delete configmaps,deployments,statefulsets,pods,jobs,cronjobs,services,poddisruptionbudgets',
    ]);
    expect(judge('mender-helm/tests/ci-test-teardown.sh')).toEqual(['18 kubectl-delete pod ubuntu']);
    // `kind delete cluster` deletes a local test cluster: no rule covers kind (a miss, by design).
    expect(judge('mender-helm/tests/ci-cleanup.sh')).toEqual([]);
    // `rm -fr $(NAME)-$(VERSION)*.tgz ...` and `rm -rf /tmp/trivy-sbom-parts` name their entries.
    expect(judge('mender-helm/Makefile')).toEqual([]);
  });
});
