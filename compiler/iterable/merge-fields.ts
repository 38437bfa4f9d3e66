/**
 * Reads a template's merge fields with Handlebars' own parser: every `{{field}}`, every path passed
 * to a helper, block or subexpression. Pure. Paths inside `#each`/`#with` bodies are relative to the
 * item and are skipped; `@data` variables and `this` are not fields.
 */
import type Handlebars from 'handlebars';
import { handlebars } from './handlebars.js';
import { isHelperName } from './helpers.js';

type Node = hbs.AST.Node;

export interface TemplateSyntaxError {
  message: string;
}

export type MergeFieldScan = { ok: true; fields: string[] } | { ok: false; error: TemplateSyntaxError };

/** The top-level field names a template references, in order of first appearance. */
export function scanMergeFields(template: string): MergeFieldScan {
  let program: hbs.AST.Program;
  try {
    program = handlebars().parse(template);
  } catch (error) {
    const lines = (error instanceof Error ? error.message : String(error)).split('\n');
    // Handlebars prints "Parse error on line N:", the source line, a caret, then what it expected.
    const message = lines.length > 1 ? `${lines[0]} ${lines[lines.length - 1]}` : lines[0]!;
    return { ok: false, error: { message } };
  }
  const fields: string[] = [];
  const add = (expr: hbs.AST.Expression) => {
    if (expr.type === 'SubExpression') return visitCall(expr as hbs.AST.SubExpression);
    if (expr.type !== 'PathExpression') return;
    const path = expr as hbs.AST.PathExpression;
    if (path.data || path.parts.length === 0 || path.original === 'this') return;
    const name = path.parts[0]!;
    if (!fields.includes(name)) fields.push(name);
  };
  const visitCall = (call: { path: hbs.AST.Expression; params: hbs.AST.Expression[]; hash?: hbs.AST.Hash }) => {
    const head = call.path.type === 'PathExpression' ? (call.path as hbs.AST.PathExpression).original : '';
    const isCall = call.params.length > 0 || (call.hash?.pairs.length ?? 0) > 0 || isHelperName(head);
    if (!isCall) add(call.path);
    for (const p of call.params) add(p);
    for (const pair of call.hash?.pairs ?? []) add(pair.value);
  };
  const visit = (node: Node | undefined | null) => {
    if (!node) return;
    switch (node.type) {
      case 'Program':
        for (const s of (node as hbs.AST.Program).body) visit(s);
        return;
      case 'MustacheStatement':
        return visitCall(node as hbs.AST.MustacheStatement);
      case 'BlockStatement': {
        const block = node as hbs.AST.BlockStatement;
        visitCall(block);
        const head = (block.path as hbs.AST.PathExpression).original;
        if (head !== 'each' && head !== 'with') visit(block.program);
        visit(block.inverse);
        return;
      }
      default:
        return;
    }
  };
  visit(program);
  return { ok: true, fields };
}
