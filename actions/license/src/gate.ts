/**
 * The license gate: lockfiles, installed trees and SBOMs against an SPDX allow/deny policy.
 */
import type { Gate } from '@aeef/gate-result';
import { collectInventories } from './collect.js';
import { INPUT_SPECS, readLicenseConfig, type LicenseConfig } from './config.js';
import { evaluateLicenses } from './evaluate.js';

export const licenseGate: Gate<LicenseConfig> = {
  id: 'license',
  title: 'Licenses',
  inputs: INPUT_SPECS,
  config: readLicenseConfig,
  async run(config, io) {
    const collected = await collectInventories(io, config.sources);
    const result = evaluateLicenses(collected.inventories, config, collected.notes);
    return { ...result, inputs: collected.files };
  },
};
