/**
 * The provenance gate: reads every commit of the pull request (or push) and the pull request itself,
 * finds the AI tools involved from the identity table, asks for the disclosure the policy requires
 * and, for an AI-involved pull request, a person's approval of the head commit; writes an in-toto
 * statement of all of it (and of this job's other gate results) for `actions/attest` to sign.
 */
import path from 'node:path';
import { MissingReportError, checkHumanCheckpoint, checkpointSection } from '@aeef/gate-result';
import type { Gate, GateIO, GateResult } from '@aeef/gate-result';
import {
  ATTESTATION_FILE,
  RESULT_LEDGER,
  buildStatement,
  ledgerEntries,
  resultFileRecord,
  serializeStatement,
} from './attestation.js';
import type { ApprovalRecord, ResultFileRecord } from './attestation.js';
import { classifyCommit, classifyPull } from './classify.js';
import { pullOf, readCommits, readTemplate } from './collect.js';
import type { ProvenanceConfig } from './config.js';
import { INPUT_SPECS, configureProvenance } from './config.js';
import { checkDisclosure } from './disclosure.js';
import { disclosureRequired, evaluateProvenance, totalsOf, type CheckpointOutcome } from './evaluate.js';

/** A result file larger than this is not one of ours; it is listed without being read whole. */
const RESULT_FILE_MAX = 16 * 1024 * 1024;

export const provenanceGate: Gate<ProvenanceConfig> = {
  id: 'provenance',
  title: 'Provenance',
  inputs: INPUT_SPECS,
  config: configureProvenance,
  async run(config, io) {
    const range = await readCommits(io);
    const commits = range.commits.map((commit) => classifyCommit(commit, config.match));
    const pull = pullOf(io);
    const pullSignals = pull ? classifyPull(pull, config.match) : [];
    const totals = totalsOf(commits, pullSignals);
    const disclosure = pull
      ? checkDisclosure(pull.body, config.disclosureHeadings, await readTemplate(io))
      : undefined;
    const asksPerson = totals.aiInvolved && pull !== undefined && config.approval.minApprovals > 0;
    const checkpointResult = asksPerson ? await checkHumanCheckpoint(io, config.approval) : undefined;
    const checkpoint: CheckpointOutcome | undefined = checkpointResult && {
      met: checkpointResult.met,
      approvals: checkpointResult.approvals.length,
      required: checkpointResult.required,
      sentence: checkpointResult.summary,
      sections: [checkpointSection(checkpointResult)],
    };
    const result = evaluateProvenance({
      source: range.source,
      commits,
      pull,
      pullSignals,
      disclosure,
      requireDisclosure: config.requireDisclosure,
      disclosureHeadings: config.disclosureHeadings,
      requireTrailers: config.requireTrailers,
      checkpoint,
      minApprovals: config.approval.minApprovals,
    });
    result.config = {
      'require-disclosure': config.requireDisclosure,
      'disclosure-heading': config.disclosureHeadings,
      'require-trailers': config.requireTrailers,
      'ai-min-approvals': config.approval.minApprovals,
      'ai-identities': config.identities.map((i) => i.tool),
      approval: config.approval,
    };
    const approvals: ApprovalRecord[] = (checkpointResult?.approvals ?? []).map((a) => ({
      login: a.login,
      commit: a.commitId,
      submittedAt: a.submittedAt,
      standing: a.standing,
    }));
    const statement = buildStatement({
      ...(io.event.repository ? { repository: io.event.repository } : {}),
      event: io.event.name,
      head: range.head,
      base: range.base,
      ...mergeCommitOf(io),
      source: range.source,
      pull,
      pullSignals,
      commits,
      totals,
      disclosure: {
        policy: config.requireDisclosure,
        required: disclosureRequired(config.requireDisclosure, totals.aiInvolved),
        result: disclosure,
      },
      review: {
        required: asksPerson ? config.approval.minApprovals : 0,
        met: checkpointResult ? checkpointResult.met : null,
        approvals,
      },
      verdict: result.verdict,
      summary: result.summary,
      results: await readResults(io),
    });
    const file = await io.writeFile(path.join(io.resultDir, ATTESTATION_FILE), serializeStatement(statement));
    result.outputs['attestation-file'] = file;
    return result satisfies GateResult;
  },
};

function mergeCommitOf(io: GateIO): { mergeCommit?: string } {
  const pr = io.event.payload.pull_request as { merge_commit_sha?: unknown; merged?: unknown } | undefined;
  const sha = pr?.merged === true ? pr.merge_commit_sha : undefined;
  return typeof sha === 'string' && /^[0-9a-f]{40}$/.test(sha) ? { mergeCommit: sha } : {};
}

/** This job's other gate results, as written so far (the provenance gate runs after the others). */
async function readResults(io: GateIO): Promise<ResultFileRecord[]> {
  const records: ResultFileRecord[] = [];
  const written = ledgerEntries(await readLedger(io), io.event.job);
  for (const file of await io.listResultFiles()) {
    const name = path.basename(file);
    if (name === ATTESTATION_FILE || name === 'provenance.json') continue;
    const record = resultFileRecord(name, await io.readFile(file, { maxBytes: RESULT_FILE_MAX }));
    if (record) records.push({ ...record, writtenByThisJob: written.has(`${name}\0${record.sha256}`) });
  }
  return records;
}

async function readLedger(io: GateIO): Promise<string> {
  try {
    return await io.readText(path.join(io.resultDir, RESULT_LEDGER), { maxBytes: RESULT_FILE_MAX });
  } catch (error) {
    // No gate of this job wrote a result yet: every file found is unrecorded.
    if (error instanceof MissingReportError) return '';
    throw error;
  }
}
