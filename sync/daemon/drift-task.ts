/**
 * What each daemon run does: build the project, open the environment, run the drift operation
 * (optionally healing), and write the report (GitHub issue when a token and repository are set, else
 * `.kac/drift-<env>.md`). Returns the one-line summary the daemon prints.
 */
import { publishDriftReport, type DriftPublished } from '../drift/publish.js';
import { driftOneLine } from '../drift/render.js';
import { readActionsEnv } from '../github/actions-env.js';
import type { Logger } from '../logger.js';
import { runDrift } from '../operations/drift.js';
import { withProject } from '../operations/project.js';
import { withOrgLock } from '../state/org-lock.js';
import type { RunOnce } from './scheduler.js';

export interface DriftTaskOptions {
  root: string;
  environment?: string;
  env: NodeJS.ProcessEnv;
  logger: Logger;
  heal?: boolean;
  allowDestroy?: boolean;
  /** How long a healing run waits for another writer of the org; default 0 (skip this run). */
  lockTimeoutMs?: number;
}

function where(published: DriftPublished, root: string): string {
  if (published.to === 'file')
    return published.path.startsWith(root) ? published.path.slice(root.length + 1) : published.path;
  const { issue } = published;
  return issue.action === 'none' ? 'no issue' : `issue #${issue.number} ${issue.action}`;
}

export function driftTask(options: DriftTaskOptions): RunOnce {
  return async (signal) => {
    const context = { logger: options.logger, env: options.env, signal };
    const check = await withProject(
      { root: options.root, name: options.environment, ...context },
      (build, environment) => {
        signal.throwIfAborted();
        const drift = () =>
          runDrift(
            environment,
            {
              namespace: build.config.namespace,
              desired: build.resources,
              heal: options.heal ?? false,
              allowDestroy: options.allowDestroy ?? false,
            },
            context,
          );
        // Healing writes: one writer per org. A run that finds the org busy reports it and tries next time.
        if (!options.heal) return drift();
        return withOrgLock(
          options.root,
          () => environment.identity(),
          {
            command: 'kac daemon --apply',
            timeoutMs: options.lockTimeoutMs ?? 0,
            onNotice: (m) => options.logger.info(m),
          },
          drift,
        );
      },
    );
    const final = check.healed?.after ?? check.report;
    const published = await publishDriftReport(final, {
      actions: readActionsEnv(options.env),
      logger: options.logger,
      cwd: options.root,
    });
    if (check.healed) {
      const { counts } = check.healed.result;
      const applied = `${counts.applied} applied${counts.failed ? `, ${counts.failed} failed` : ''}${counts.refused ? `, ${counts.refused} refused` : ''}${counts.manual ? `, ${counts.manual} manual` : ''}`;
      return {
        result: 'healed',
        summary: `${driftOneLine(check.report)} → healed (${applied}); now ${driftOneLine(final).replace(/^[^:]+: /, '')} → ${where(published, options.root)}`,
      };
    }
    return {
      result: final.hasDrift ? 'drift' : 'clean',
      summary: `${driftOneLine(final)} → ${where(published, options.root)}`,
    };
  };
}
