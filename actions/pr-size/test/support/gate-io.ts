/**
 * This gate's tests run on the library's real GateIO over real directories (no mocks): git really
 * runs, the GitHub client really talks HTTP to a peer on 127.0.0.1.
 */
import { inputsFromRecord } from '@aeef/gate-result';
import type { EventContext, GateIO, GitHubClient, Inputs } from '@aeef/gate-result';
import { createLocalIO } from '@aeef/gate-result/runtime';

export function makeGateIO(options: {
  workspace: string;
  event: EventContext;
  github?: GitHubClient;
}): GateIO {
  return createLocalIO({
    workspace: options.workspace,
    event: options.event,
    ...(options.github ? { github: options.github } : {}),
    log: { info: () => undefined, warning: () => undefined, debug: () => undefined },
    resultDir: options.workspace,
  });
}

/** Inputs as the runtime reads them: blank counts as unset. */
export function inputsOf(values: Record<string, string> = {}): Inputs {
  return inputsFromRecord(values);
}
