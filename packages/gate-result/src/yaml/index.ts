export {
  assertYamlBudget,
  DEFAULT_YAML_LIMITS,
  parseLastYamlDocument,
  parseYamlDocuments,
  yamlToData,
  YamlReadError,
  type ReadYamlOptions,
  type YamlLimits,
} from './read.js';
