// The GitHub Action: inputs -> base commit -> engine -> job summary, sticky comments, annotations,
// SARIF, outputs. Its exit code is the CLI's (0-5); GitHub API trouble never changes the verdict.

import * as core from '@actions/core';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { CheckOptions } from '../checks/types.js';
import { runCheck } from '../engine.js';
import { EXIT } from '../findings.js';
import { renderMarkdown, reportForConfig } from '../report/markdown.js';
import type { MarkdownOptions } from '../report/markdown.js';
import { renderSarif } from '../report/sarif.js';
import { RULES } from '../rules/catalog.js';
import type { Report } from '../report/types.js';
import { AnnotationBudget, annotateFindings } from './annotations.js';
import { pullRequestFiles } from './changed-files.js';
import { COMMENT_LIMIT, commentMarker, upsertComment } from './comment.js';
import { readEvent } from './event.js';
import type { EventInfo } from './event.js';
import { ensureCommit, repositoryRoot } from './git.js';
import { InputError, readInputs } from './inputs.js';
import type { ActionInputs } from './inputs.js';
import { createOctokit } from './octokit.js';
import type { Octokit } from './octokit.js';

/** A step summary over 1 MiB fails to upload; keep a margin for what the runner adds. */
const SUMMARY_LIMIT = 1024 * 1024 - 4096;

export async function run(): Promise<number> {
  try {
    return await runAction();
  } catch (error) {
    if (error instanceof InputError) {
      core.setFailed(error.message);
      process.exitCode = EXIT.config;
      return EXIT.config;
    }
    core.setFailed(`drizzle-guard stopped on an unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = EXIT.config;
    return EXIT.config;
  }
}

async function runAction(): Promise<number> {
  const inputs = readInputs();
  const event = readEvent(process.env);
  const workspace = process.env['GITHUB_WORKSPACE'] || process.cwd();
  const cwd = path.resolve(workspace, inputs.workingDirectory);
  if (!existsSync(cwd)) throw new InputError(`Input "working-directory": ${inputs.workingDirectory} does not exist in ${workspace}.`);
  const root = repositoryRoot(cwd) ?? workspace;
  const prefix = toPosix(path.relative(root, cwd));
  const octokit = inputs.token ? createOctokit(inputs.token) : undefined;
  const [owner = '', repo = ''] = event.repository.split('/');
  const budget = new AnnotationBudget((level, message, props) => core[level](message, props));

  const options = await checkOptions(inputs, event, cwd, prefix, octokit, owner, repo, budget);
  if (!options.allowCodeExecution) {
    core.info(
      'pull_request_target from a fork: the PR\'s drizzle config and schema are not loaded (that would run its code with a write token). ' +
        'Set allow-untrusted-code: true only if this workflow has no secrets and a read-only token.',
    );
  }
  const report = await runCheck(options);
  if (!options.allowCodeExecution) {
    report.notes.push('The pull request comes from a fork under pull_request_target: its TypeScript (config, schema) was not executed.');
  }
  core.info(`drizzle-guard: exit code ${report.exitCode}, ${report.findings.length} finding(s)`);

  const links: MarkdownOptions['links'] = event.headSha && event.repository ? { serverUrl: event.serverUrl, repository: event.repository, ref: event.headSha } : undefined;
  const reportFile = writeReportFile(report);
  await writeSummary(report, { links, pathPrefix: prefix });
  if (inputs.sarifFile) writeFile(path.resolve(workspace, inputs.sarifFile), renderSarif(report, { pathPrefix: prefix, rules: RULES }));

  if (octokit && event.pullNumber !== undefined && inputs.comment !== 'false') {
    await postComments(octokit, { owner, repo, issue_number: event.pullNumber }, report, inputs, { links, pathPrefix: prefix }, budget);
  }

  const located = report.configs.flatMap((c) => c.findings).map((finding) => ({ finding, repoFile: finding.file ? joinPosix(prefix, finding.file) : undefined }));
  annotateFindings(located, budget, 'the job summary');

  setOutputs(report, reportFile);
  process.exitCode = report.exitCode;
  return report.exitCode;
}

async function checkOptions(
  inputs: ActionInputs,
  event: EventInfo,
  cwd: string,
  prefix: string,
  octokit: Octokit | undefined,
  owner: string,
  repo: string,
  budget: AnnotationBudget,
): Promise<CheckOptions> {
  const options: CheckOptions = {
    cwd,
    configs: inputs.configs,
    // The PR comment and job summary are markdown (with the ER diagram); the JSON report is written too.
    format: 'markdown',
    failOn: inputs.failOn,
    drift: inputs.drift,
    lint: true,
    replay: inputs.replay,
    replaySeed: true,
    ...(inputs.replayTimeout !== undefined ? { replayTimeout: inputs.replayTimeout } : {}),
    ...(inputs.databaseUrl ? { databaseUrl: inputs.databaseUrl } : {}),
    allowCodeExecution: !event.untrustedHead || inputs.allowUntrustedCode,
  };
  const wanted = inputs.baseRef ?? event.baseSha;
  if (!wanted) return options;
  const sha = ensureCommit(cwd, wanted);
  if (sha) return { ...options, base: sha };
  // The base could not be fetched: the PR's file list tells which migrations are new.
  if (octokit && event.pullNumber !== undefined) {
    try {
      const changedFiles = await pullRequestFiles(octokit, owner, repo, event.pullNumber, prefix);
      core.info(`Base ${wanted} is not in the clone and could not be fetched; using the pull request's changed files.`);
      return { ...options, base: wanted, changedFiles };
    } catch (error) {
      core.info(`Listing the pull request's files failed: ${(error as Error).message}`);
    }
  }
  budget.annotate(
    'warning',
    `Base ${wanted} is not in the clone and could not be fetched: every migration is treated as already applied. ` +
      'Use actions/checkout with fetch-depth: 0 (or fetch the base commit) to check only the new ones.',
    { title: 'drizzle-guard: no base commit' },
  );
  return options;
}

async function writeSummary(report: Report, opts: MarkdownOptions): Promise<void> {
  const body = renderMarkdown(report, {
    ...opts,
    limit: { max: SUMMARY_LIMIT, unit: 'bytes' },
    fullReportHint: 'the JSON report (output `report-file`)',
  });
  try {
    await core.summary.addRaw(`## drizzle-guard\n\n${body}`, true).write();
  } catch (error) {
    // GITHUB_STEP_SUMMARY is missing outside GitHub's runners.
    core.info(`No job summary written: ${(error as Error).message}`);
  }
}

async function postComments(
  octokit: Octokit,
  pull: { owner: string; repo: string; issue_number: number },
  report: Report,
  inputs: ActionInputs,
  opts: MarkdownOptions,
  budget: AnnotationBudget,
): Promise<void> {
  const runUrl = process.env['GITHUB_RUN_ID'] && opts.links ? `${opts.links.serverUrl}/${opts.links.repository}/actions/runs/${process.env['GITHUB_RUN_ID']}` : undefined;
  const hint = runUrl ? `the [job summary](${runUrl})` : 'the job summary';
  for (const config of report.configs) {
    const key = config.config ?? config.out ?? 'default';
    const marker = commentMarker(joinPosix(opts.pathPrefix ?? '', key));
    // The marker line and its newline are added by upsertComment; the rest must fit under the limit.
    const body = renderMarkdown(reportForConfig(report, config), {
      ...opts,
      limit: { max: COMMENT_LIMIT - marker.length - 1, unit: 'chars' },
      fullReportHint: hint,
    });
    const failing = config.exitCode !== 0;
    const outcome = await upsertComment(octokit, pull, marker, body, inputs.comment === 'true' || failing);
    if (outcome.action === 'failed') {
      const denied = outcome.status === 403 || outcome.status === 404;
      budget.annotate(
        'warning',
        denied
          ? `Could not write the pull request comment (HTTP ${outcome.status}: ${outcome.message}). The token needs \`permissions: pull-requests: write\`; ` +
              'pull requests from forks get a read-only token, so the result is in the annotations and the job summary instead. The verdict is unchanged.'
          : `Could not write the pull request comment: ${outcome.message}. The verdict is unchanged; see the job summary.`,
        { title: 'drizzle-guard: no PR comment' },
      );
      // The same cause would fail every other config's comment too.
      return;
    }
    if (outcome.action !== 'skipped') core.info(`PR comment ${outcome.action}: ${'url' in outcome && outcome.url ? outcome.url : outcome.id}`);
  }
}

function setOutputs(report: Report, reportFile: string | undefined): void {
  const findings = report.configs.flatMap((c) => c.findings);
  core.setOutput('exit-code', String(report.exitCode));
  core.setOutput('result', report.exitCode === 0 ? 'pass' : 'fail');
  core.setOutput('findings', String(findings.length));
  core.setOutput('errors', String(findings.filter((f) => f.severity === 'error').length));
  core.setOutput('warnings', String(findings.filter((f) => f.severity === 'warning').length));
  core.setOutput('drift', report.categories.drift === 'fail' ? 'true' : 'false');
  core.setOutput('report-file', reportFile ?? '');
}

function writeReportFile(report: Report): string | undefined {
  const file = path.join(process.env['RUNNER_TEMP'] || tmpdir(), 'drizzle-guard', 'report.json');
  try {
    writeFile(file, JSON.stringify(report, null, 2) + '\n');
    return file;
  } catch (error) {
    core.info(`Could not write the JSON report: ${(error as Error).message}`);
    return undefined;
  }
}

function writeFile(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

function joinPosix(prefix: string, file: string): string {
  return prefix === '' || prefix === '.' ? file : `${prefix}/${file}`;
}
