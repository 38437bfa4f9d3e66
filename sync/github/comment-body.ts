/**
 * Pure. Builds a sticky comment or issue body that always fits GitHub's 65,536-character limit:
 * hidden marker, then the summary (always kept whole), then the details, cut at a line boundary when
 * too long, with any open code fence or <details> closed and a link to the run for the full text.
 */

/** GitHub refuses issue and comment bodies longer than this. */
export const GITHUB_BODY_LIMIT = 65_536;

const MARKER_NAME = /^[A-Za-z0-9_.-]+$/;

/** The hidden marker that identifies kac's comment or issue for one purpose and environment. */
export function commentMarker(purpose: 'plan' | 'apply' | 'drift', environment: string): string {
  if (!MARKER_NAME.test(environment))
    throw new Error(`environment name "${environment}" cannot be used in a GitHub marker`);
  return `<!-- kac:${purpose}:${environment} -->`;
}

export interface CommentParts {
  marker: string;
  /** Counts and destructive items: never truncated. */
  summary: string;
  /** The full plan or report; truncated first when the body would be too long. */
  details?: string;
  /** A closing line (commit, run link): never truncated. */
  footer?: string;
  /** Where the whole text can be read when the details are cut. */
  runUrl?: string;
  /** Default GITHUB_BODY_LIMIT. */
  maxChars?: number;
}

export interface ComposedBody {
  body: string;
  truncated: boolean;
}

export function composeCommentBody(parts: CommentParts): ComposedBody {
  const maxChars = parts.maxChars ?? GITHUB_BODY_LIMIT;
  const head = [parts.marker, parts.summary.trim()].filter(Boolean).join('\n');
  const footer = parts.footer?.trim() ? `\n${parts.footer.trim()}\n` : '';
  const details = parts.details?.trim() ? `\n\n${parts.details.trim()}\n` : '\n';
  if (head.length + details.length + footer.length <= maxChars)
    return { body: head + details + footer, truncated: false };

  const where = parts.runUrl ? `[the workflow run](${parts.runUrl})` : 'the workflow run log';
  const notice = (shown: number) =>
    `\n\n> [!WARNING]\n> Truncated to fit GitHub's comment limit: showing ${shown.toLocaleString('en-US')} of ${(parts.details ?? '').length.toLocaleString('en-US')} characters of details. The full text is in ${where}.\n`;
  const budget = maxChars - head.length - notice(parts.details?.length ?? 0).length - footer.length - 2;
  if (budget <= 0) {
    // Even the summary does not fit: cut it too (never happens with kac's own summaries).
    const cut = head.slice(0, Math.max(0, maxChars - notice(0).length));
    return { body: cut + notice(0), truncated: true };
  }
  const kept = cutAtLine(parts.details!.trim(), budget);
  return { body: `${head}\n\n${kept}${notice(kept.length)}${footer}`, truncated: true };
}

/** Cuts markdown to at most `budget` characters on a line boundary and closes what was left open. */
export function cutAtLine(markdown: string, budget: number): string {
  const lines = markdown.split('\n');
  const out: string[] = [];
  let length = 0;
  let fenceOpen = false;
  let detailsOpen = 0;
  for (const line of lines) {
    const nextFence: boolean = /^\s*(```|~~~)/.test(line) ? !fenceOpen : fenceOpen;
    let nextDetails = detailsOpen;
    if (!fenceOpen) {
      nextDetails += (line.match(/<details\b/g) ?? []).length - (line.match(/<\/details>/g) ?? []).length;
    }
    const added = line.length + (out.length > 0 ? 1 : 0);
    const closeAfter = (nextFence ? '\n```'.length : 0) + Math.max(0, nextDetails) * '\n</details>'.length;
    if (length + added + closeAfter > budget) break;
    out.push(line);
    length += added;
    fenceOpen = nextFence;
    detailsOpen = Math.max(0, nextDetails);
  }
  let text = out.join('\n');
  if (fenceOpen) text += '\n```';
  for (let i = 0; i < detailsOpen; i++) text += '\n</details>';
  return text;
}
