export { DEFAULT_JSON_LIMITS, DEFAULT_MAX_INFLATED_BYTES, formatBytes, type JsonLimits } from './limits.js';
export { positionOf, scanJson, type ScanStats } from './scan.js';
export {
  decodeUtf8,
  inflateGzip,
  isGzip,
  parseJsonBytes,
  parseJsonText,
  type ParseJsonOptions,
  type ReadJsonOptions,
} from './read.js';
export { assertTokenBudget, LCOV_MAX_LINES, XML_MAX_TAGS } from './budget.js';
