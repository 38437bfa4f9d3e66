/**
 * One drift check of one environment, end to end: build the definitions, open the environment, plan
 * main against the live org (the planner is the only differ), read it as a drift report, and with
 * `heal` apply what is safe (deletes only with `allowDestroy`), then re-check. Used by `kac drift`
 * and by each daemon run.
 */
import { applyPlan, type ApplyResult } from '../apply/apply-plan.js';
import { buildValidProject } from '../build.js';
import { resolveEnvironment } from '../env/resolve-environment.js';
import { readSecret, type Logger } from '../logger.js';
import { isExecutable } from '../plan/impact.js';
import { makePlan, readLive } from '../plan/make-plan.js';
import { buildDriftReport, type DriftReport } from './report.js';

export interface DriftCheckOptions {
  root: string;
  /** `--env`; undefined = the config's default. */
  environment?: string;
  env: NodeJS.ProcessEnv;
  logger: Logger;
  signal?: AbortSignal;
  /** Apply main to undo drift (daemon `--apply`). */
  heal?: boolean;
  /** With heal: also delete objects created in the UI inside the namespace. */
  allowDestroy?: boolean;
}

export interface DriftCheck {
  /** The drift found (before healing). */
  report: DriftReport;
  /** With heal and drift: what apply did, and the drift left afterwards. */
  healed?: { result: ApplyResult; after: DriftReport };
}

export async function checkDrift(options: DriftCheckOptions): Promise<DriftCheck> {
  const { logger, signal } = options;
  const build = await buildValidProject(options.root);
  signal?.throwIfAborted();

  const environment = await resolveEnvironment({
    config: build.config,
    ...(options.environment ? { name: options.environment } : {}),
    root: options.root,
    env: options.env,
    logger,
    desired: build.resources,
  });
  try {
    const planOptions = {
      namespace: build.config.namespace,
      desired: build.resources,
      environment,
      env: options.env,
      logger,
      allowDestroy: options.allowDestroy ?? false,
      ...(signal ? { signal } : {}),
    };
    const { plan, live } = await makePlan(planOptions);
    const report = buildDriftReport(plan);
    signal?.throwIfAborted();
    if (!options.heal || !report.hasDrift) return { report };

    const allowDestroy = options.allowDestroy ?? false;
    const executable = plan.changes.filter((c) => isExecutable(c, { allowDestroy }));
    logger.info(`healing ${environment.name}: applying ${executable.length} change(s)${allowDestroy ? '' : ' (deletes refused without --allow-destroy)'}`);
    const result = await applyPlan(plan, {
      providers: environment.byKind,
      live,
      refetchLive: () => readLive(environment.providers, { logger, ...(signal ? { signal } : {}) }),
      secret: (name) => readSecret(name, options.env),
      allowDestroy,
      logger,
      ...(signal ? { signal } : {}),
    });
    const { plan: after } = await makePlan({ ...planOptions, inspect: false });
    return { report, healed: { result, after: buildDriftReport(after) } };
  } finally {
    await environment.close();
  }
}
