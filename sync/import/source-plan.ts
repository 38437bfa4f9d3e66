/**
 * Pure. One generated definition file as data (its imports and its default export, written by a
 * ts-morph writer) and its rendering through an in-memory ts-morph Project, formatted with fixed
 * settings so the same live state always gives the same bytes.
 */
import { quote, raw, type Expr } from './code.js';
import {
  IndentationText,
  NewLineKind,
  Project,
  QuoteKind,
  ts,
  type CodeBlockWriter,
  type FormatCodeSettings,
} from 'ts-morph';

export interface SourcePlan {
  /** Named imports from the authoring entry (`compiler/index.ts`). */
  imports: Set<string>;
  /** Default imports of other definitions (a workflow's hook and Klasses). */
  defaults: { name: string; specifier: string }[];
  /** Environment variables the definition's secrets read. */
  envVars: Set<string>;
  /** What the live object holds that this file cannot express (reported, and written as a comment). */
  notes: string[];
  /** Writes the default export's expression. */
  write(writer: CodeBlockWriter): void;
}

/** Every name the authoring entry exports that generated code may use: never taken by a handle. */
export const AUTHORING_NAMES = [
  'defineKlass',
  'attribute',
  'defineHook',
  'defineWorkflow',
  'onHook',
  'onEvent',
  'defineOutboundWebhook',
  'customer',
  'kobject',
  'conversation',
  'note',
  'restApi',
  'regexMatch',
  'branch',
  'action',
  'when',
  'secret',
  'payloadOf',
  'defineConfig',
  'defineAttributes',
  'customOf',
];

/**
 * The `description` (and `managedMarker`) fields that compile back to a live description: the
 * compiler appends ` [managed by kac: <ns>]`, so a marked description is written without it, and one
 * without it (an object kac did not create) keeps its text with `managedMarker: false`.
 */
export function descriptionFields(description: unknown, namespace: string): { key: string; value: Expr }[] {
  const marker = `[managed by kac: ${namespace}]`;
  if (typeof description === 'string' && description === marker) return [];
  if (typeof description === 'string' && description.endsWith(` ${marker}`)) {
    const text = description.slice(0, -marker.length - 1);
    if (text === text.trim() && text !== '') return [{ key: 'description', value: raw(quote(text)) }];
  }
  return [
    ...(typeof description === 'string' ? [{ key: 'description', value: raw(quote(description)) }] : []),
    { key: 'managedMarker', value: raw('false') },
  ];
}

const FORMAT: FormatCodeSettings = {
  indentSize: 2,
  tabSize: 2,
  convertTabsToSpaces: true,
  ensureNewLineAtEndOfFile: true,
  insertSpaceAfterOpeningAndBeforeClosingNonemptyBraces: true,
  semicolons: ts.SemicolonPreference.Insert,
};

export function renderSource(plan: SourcePlan, authoringSpecifier: string): string {
  const project = new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: {
      quoteKind: QuoteKind.Single,
      indentationText: IndentationText.TwoSpaces,
      newLineKind: NewLineKind.LineFeed,
    },
  });
  const file = project.createSourceFile('/generated.ts', '');
  const header = [
    '// Imported from the live org by `kac import`. Edit it like any other definition: it is now the source of truth.',
  ];
  for (const note of plan.notes) header.push(`// NOTE (not expressed, would be lost on apply): ${note}`);
  if (plan.envVars.size > 0) header.push(`// Set before plan/apply: ${[...plan.envVars].sort().join(', ')}`);
  file.addImportDeclaration({
    leadingTrivia: header.join('\n') + '\n',
    moduleSpecifier: authoringSpecifier,
    namedImports: [...plan.imports].sort(),
  });
  for (const d of [...plan.defaults].sort((a, b) => (a.specifier < b.specifier ? -1 : 1)))
    file.addImportDeclaration({ defaultImport: d.name, moduleSpecifier: d.specifier });
  file.addExportAssignment({ isExportEquals: false, expression: (w) => plan.write(w) });
  file.formatText(FORMAT);
  return file.getFullText();
}
