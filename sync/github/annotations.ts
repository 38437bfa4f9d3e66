/**
 * Pure. Diagnostics as GitHub workflow commands (`::error file=…,line=…,col=…,title=…::message`), so
 * validation errors show on the PR diff. Escaping follows GitHub's toolkit: `%`, CR and LF in the
 * message; additionally `:` and `,` in property values.
 */
import type { Diagnostic } from '../../compiler/diagnostics.js';

export function escapeAnnotationData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeAnnotationProperty(text: string): string {
  return escapeAnnotationData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatAnnotation(d: Diagnostic): string {
  const props: string[] = [];
  if (d.location) {
    props.push(`file=${escapeAnnotationProperty(d.location.file)}`);
    props.push(`line=${d.location.line}`);
    props.push(`col=${d.location.column}`);
  }
  props.push(`title=${escapeAnnotationProperty(d.code)}`);
  const message = d.hint ? `${d.message}\nhint: ${d.hint}` : d.message;
  return `::${d.severity === 'error' ? 'error' : 'warning'} ${props.join(',')}::${escapeAnnotationData(message)}`;
}

export function formatAnnotations(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map(formatAnnotation);
}
