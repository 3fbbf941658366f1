/**
 * The destructive gate: reads the PR's diff (and any Terraform plans) and reports every operation
 * that destroys data or infrastructure: dropped tables and columns, wiped rows, destructive
 * commands in scripts, deleted Kubernetes manifests, resources a plan deletes.
 * Such a change passes only with a human's approval of the head commit (the human checkpoint).
 */
import { checkHumanCheckpoint, describeChangeSet, readChangedFileTexts } from '@aeef/gate-result';
import type { CheckpointResult, Gate } from '@aeef/gate-result';
import { commandFindings, scriptKindOf } from './commands.js';
import { deletedManifestFindings, isManifestPath, reclaimPolicyFindings } from './kubernetes.js';
import { HclSyntaxError, terraformConfigFindings } from './terraform-config.js';
import { readDialectSources, readDiff, readHeadTexts, readPlans } from './collect.js';
import type { DestructiveConfig } from './config.js';
import { INPUT_SPECS, configureDestructive } from './config.js';
import { applyAllow, isSqlFile, sortFindings, sqlFindings } from './detect.js';
import { detectDialect } from './dialect.js';
import { evaluateDestructive } from './evaluate.js';
import type { DestructiveFinding } from './findings.js';
import { planFindings } from './plan.js';
import { loadSqlParsers } from './sql/index.js';

export const destructiveGate: Gate<DestructiveConfig> = {
  id: 'destructive',
  title: 'Destructive changes',
  inputs: INPUT_SPECS,
  config: configureDestructive,
  async run(config, io) {
    const changes = await readDiff(io);
    const notes = [describeChangeSet(changes)];
    const findings: DestructiveFinding[] = [];

    const sqlFiles = changes.files.filter((f) => isSqlFile(f, config));
    if (sqlFiles.length > 0) {
      const choice =
        config.dialect === 'auto'
          ? detectDialect(await readDialectSources(io))
          : { dialect: config.dialect, source: 'set by the `dialect` input' };
      notes.push(`SQL read as ${choice.dialect} (${choice.source}); ${sqlFiles.length} SQL file(s) judged.`);
      if (choice.dialect === 'postgres') await loadSqlParsers();
      const texts = await readHeadTexts(io, changes, sqlFiles);
      for (const file of sqlFiles)
        findings.push(...sqlFindings(file, texts.get(file.path) ?? '', choice.dialect));
    }
    const scriptFiles = changes.files.filter(
      (f) => f.status !== 'deleted' && !f.binary && scriptKindOf(f.path) !== undefined,
    );
    if (scriptFiles.length > 0) {
      await loadSqlParsers(); // `psql -c` SQL is judged by the SQL checks
      const texts = await readHeadTexts(io, changes, scriptFiles);
      for (const file of scriptFiles) findings.push(...commandFindings(file, texts.get(file.path) ?? ''));
    }
    const manifestFiles = changes.files.filter((f) => !f.binary && isManifestPath(f.path));
    if (manifestFiles.length > 0) {
      const texts = await readChangedFileTexts(
        io,
        changes,
        manifestFiles.map((f) => f.path),
      );
      for (const file of manifestFiles) {
        const { base, head } = texts.get(file.path) ?? {};
        if (file.status === 'deleted' && base !== undefined)
          findings.push(...deletedManifestFindings(file, base));
        else if (head !== undefined) findings.push(...reclaimPolicyFindings(file, head));
      }
    }
    const tfFiles = changes.files.filter((f) => !f.binary && /\.tf$/.test(f.path));
    if (tfFiles.length > 0) {
      const texts = await readChangedFileTexts(
        io,
        changes,
        tfFiles.flatMap((f) => [f.path, ...(f.previousPath ? [f.previousPath] : [])]),
      );
      for (const file of tfFiles) {
        const base = texts.get(file.previousPath ?? file.path)?.base;
        const head = file.status === 'deleted' ? undefined : texts.get(file.path)?.head;
        try {
          findings.push(...terraformConfigFindings(file, base, head));
        } catch (error) {
          if (!(error instanceof HclSyntaxError)) throw error;
          findings.push({
            category: 'terraform',
            operation: 'unparsed',
            object: file.path,
            file: file.path,
            why: 'is Terraform configuration the HCL parser cannot read, so it cannot be shown to be safe',
          });
        }
      }
    }
    for (const plan of await readPlans(io, config.planFiles))
      findings.push(...planFindings(plan.text, plan.path));

    const judged = applyAllow(sortFindings(findings), config.allow);
    const needsPerson = judged.some((f) => !f.allowed) && config.approval.minApprovals > 0;
    let checkpoint: CheckpointResult | undefined;
    let noCheckpoint: string | undefined;
    if (needsPerson) {
      if (io.event.pullNumber === undefined) {
        noCheckpoint = `This ${io.event.name} event is not a pull request, so no review can approve the operations.`;
      } else {
        checkpoint = await checkHumanCheckpoint(io, config.approval);
      }
    }
    const result = evaluateDestructive({
      findings: judged,
      policy: config.approval,
      ...(checkpoint ? { checkpoint } : {}),
      ...(noCheckpoint ? { noCheckpoint } : {}),
      notes,
    });
    result.config = {
      paths: config.paths,
      dialect: config.dialect,
      'plan-files': config.planFiles,
      allow: config.allow.map((a) => `${a.selector}: ${a.reason}`),
      'min-approvals': config.approval.minApprovals,
      approvers: config.approval.approvers,
    };
    return result;
  },
};
