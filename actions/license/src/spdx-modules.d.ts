// Types for the untyped SPDX packages this gate uses (spdx-expression-parse v5 output shape).
declare module 'spdx-expression-parse' {
  export interface LicenseNode {
    license: string;
    plus?: true;
    exception?: string;
  }
  export interface ConjunctionNode {
    left: ExpressionNode;
    conjunction: 'and' | 'or';
    right: ExpressionNode;
  }
  export type ExpressionNode = LicenseNode | ConjunctionNode;
  /** Throws on anything that is not a valid SPDX expression of known ids. */
  export default function parse(source: string): ExpressionNode;
}
