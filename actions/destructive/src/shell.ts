/**
 * Shell through a real parser (mvdan-sh: mvdan/sh's Go parser compiled to JS), so quoting, `&&`
 * chains, pipelines, subshells and `if` bodies are understood: each simple command comes out as its
 * words, each word as literal text or as dynamic (it holds a `$VAR`, `$(...)` or a glob).
 */
import sh from 'mvdan-sh';

export interface ShellWord {
  /** The word as the shell would see it before expansion; expansions as `$NAME` / `$(...)`. */
  text: string;
  /** Literal text only: no parameter expansion or command substitution anywhere in it. */
  literal: boolean;
  /** When it starts with a parameter expansion: its name (`TMPDIR`). */
  leadingVar?: string;
}

export interface ShellCommand {
  /** 1-based line within the parsed text. */
  line: number;
  words: ShellWord[];
}

type Node = Record<string, unknown> & { Pos?: () => { Line: () => number } };

interface Syntax {
  NewParser(): { Parse(src: string, name: string): unknown };
  Walk(node: unknown, fn: (node: Node | null) => boolean): void;
  NodeType(node: unknown): string;
}
const syntax = (sh as { syntax: Syntax }).syntax;

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function partsOf(parts: unknown): Node[] {
  return Array.isArray(parts) ? (parts as Node[]) : [];
}

function wordOf(word: Node): ShellWord {
  let text = '';
  let literal = true;
  let leadingVar: string | undefined;
  const visit = (parts: Node[], first: boolean): void => {
    parts.forEach((part, index) => {
      const type = syntax.NodeType(part);
      const atStart = first && index === 0 && text === '';
      if (type === 'Lit' || type === 'SglQuoted') text += str(part.Value);
      else if (type === 'DblQuoted') visit(partsOf(part.Parts), atStart);
      else if (type === 'ParamExp') {
        const param = part.Param as Node | undefined;
        const name = str(param?.Value);
        if (atStart) leadingVar = name;
        text += `$${name}`;
        literal = false;
      } else {
        text += '$(...)';
        literal = false;
      }
    });
  };
  visit(partsOf(word.Parts), true);
  return { text, literal, ...(leadingVar === undefined ? {} : { leadingVar }) };
}

export class ShellSyntaxError extends Error {
  override readonly name = 'ShellSyntaxError';
}

/** Every simple command of a script; throws `ShellSyntaxError` when it does not parse. */
export function shellCommands(script: string): ShellCommand[] {
  let file: unknown;
  try {
    file = syntax.NewParser().Parse(script, 'script');
  } catch (error) {
    const described =
      typeof (error as { Error?: unknown }).Error === 'function'
        ? String((error as { Error: () => string }).Error())
        : String(error);
    throw new ShellSyntaxError(described.replace(/^script:/, 'line '));
  }
  const commands: ShellCommand[] = [];
  syntax.Walk(file, (node) => {
    if (node !== null && syntax.NodeType(node) === 'CallExpr') {
      const args = partsOf(node.Args);
      if (args.length > 0) commands.push({ line: node.Pos?.().Line() ?? 1, words: args.map(wordOf) });
    }
    return true;
  });
  return commands;
}
