/**
 * The PR-size gate: counts the lines and files a PR changes (from git when the history is in the
 * clone, else from the REST API), leaves out lockfiles, generated, vendored and binary files and
 * the user's `ignore` globs, and fails above the limits.
 */
import { ConfigError } from '@aeef/gate-result';
import type { Gate, GateIO, GateResult } from '@aeef/gate-result';
import { countFromApi, pullRefOf } from './api-source.js';
import type { PrSizeConfig } from './config.js';
import { INPUT_SPECS, configurePrSize } from './config.js';
import { evaluatePrSize } from './evaluate.js';
import { countFromGit } from './git-source.js';
import { applySizeLabel } from './labels.js';
import type { SizeModel } from './model.js';
import { readSizeTarget } from './pr-event.js';
import type { SizeName } from './sizes.js';

async function measure(io: GateIO): Promise<{ model: SizeModel; labels?: string[] }> {
  const target = readSizeTarget(io.event);
  // The runtime has refused a checkout of the PR's code already (runtime/checkout-guard.ts).
  if (target.event === 'pull_request_target') {
    const model = await countFromApi(
      io,
      target,
      'the event is pull_request_target, which needs no checkout of the PR code',
    );
    return model.pull.labels ? { model, labels: model.pull.labels } : { model };
  }
  const counted = await countFromGit(io, target);
  if (!('unavailable' in counted)) return { model: counted };
  if (target.event === 'merge_group' || target.event === 'local') {
    const what = target.event === 'local' ? 'a local diff' : 'a merge group';
    throw new ConfigError(`The pr-size gate counts ${what} from git, but ${counted.unavailable}.`);
  }
  const model = await countFromApi(io, target, counted.unavailable);
  return model.pull.labels ? { model, labels: model.pull.labels } : { model };
}

async function label(io: GateIO, result: GateResult, labels: string[] | undefined): Promise<void> {
  const target = readSizeTarget(io.event);
  const notes = result.details[0]?.notes;
  const add = (finding: GateResult['findings'][number] | undefined, note: string): void => {
    if (finding) result.findings.push(finding);
    notes?.push(note);
  };
  if (target.pullNumber === undefined) return add(undefined, 'No label: this run is not for a pull request.');
  if (!io.github) {
    const message =
      'The size label was not set: no GitHub token (set the github-token input). The verdict stands.';
    return add({ level: 'warning', title: 'PR size label', message }, message);
  }
  const outcome = await applySizeLabel(io.github, pullRefOf(target), result.outputs.size as SizeName, labels);
  add(outcome.finding, outcome.note);
}

export const prSizeGate: Gate<PrSizeConfig> = {
  id: 'pr-size',
  title: 'PR size',
  inputs: INPUT_SPECS,
  config: configurePrSize,
  async run(config, io) {
    const { model, labels } = await measure(io);
    const result = evaluatePrSize(model, config);
    if (config.label) await label(io, result, labels);
    return result;
  },
};
