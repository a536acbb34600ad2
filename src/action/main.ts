// The GitHub Action: inputs -> base commit -> engine -> job summary, sticky comments, annotations,
// SARIF, outputs. Its exit code is the CLI's (0-5); GitHub API trouble never changes the verdict.

import * as core from '@actions/core';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { CheckOptions } from '../checks/types.js';
import { runCheck } from '../engine.js';
import { EXIT } from '../findings.js';
import { isValidRevision } from '../model/base.js';
import { code, renderMarkdown, reportForConfig } from '../report/markdown.js';
import type { MarkdownOptions } from '../report/markdown.js';
import { renderSarif } from '../report/sarif.js';
import { RULES } from '../rules/catalog.js';
import type { Report } from '../report/types.js';
import { AnnotationBudget, annotateFindings } from './annotations.js';
import { pullRequestFiles } from './changed-files.js';
import { COMMENT_LIMIT, commentMarker, failure, markerKey, ownComments, upsertComment } from './comment.js';
import type { CommentOutcome, IssueComment } from './comment.js';
import { readEvent } from './event.js';
import type { EventInfo } from './event.js';
import { changedFiles, checkoutIs, ensureCommit, fetchPullHead, firstChangedLines, repositoryRoot, showFile } from './git.js';
import { InputError, readInputs } from './inputs.js';
import type { ActionInputs } from './inputs.js';
import { createOctokit } from './octokit.js';
import type { Octokit } from './octokit.js';
import { inSchema, relevantChange } from './relevance.js';
import { reportInActionWords } from './vocabulary.js';

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
      'pull_request_target from a fork: the PR\'s drizzle config and schema are not executed (that would run its code with a write token); ' +
        'the config is read as text. Set allow-untrusted-code: true only if this workflow has no secrets and a read-only token.',
    );
  }
  const report = reportInActionWords(await runCheck(options));
  if (!options.allowCodeExecution) {
    report.notes.push('The pull request comes from a fork under pull_request_target: its TypeScript (config, schema) was not executed; drift, which needs it, was skipped.');
  }
  if (options.headCommit) {
    report.notes.push(`The checkout is not the pull request's head: its migrations were read from the git objects of ${options.headCommit.slice(0, 12)} (nothing checked out or run).`);
  }
  const changed = options.base ? changedFiles(cwd, options.base, options.headCommit ?? 'HEAD', prefix) : options.changedFiles?.map((c) => c.file);
  if (changed && options.base && root) pointDriftAtSchema(report, root, options.base, options.headCommit ?? 'HEAD', prefix, changed);
  core.info(`drizzle-guard: exit code ${report.exitCode}, ${report.findings.length} finding(s)`);

  const links: MarkdownOptions['links'] = event.headSha && event.repository ? { serverUrl: event.serverUrl, repository: event.repository, ref: event.headSha } : undefined;
  const reportFile = writeReportFile(report);
  const excerpt = sqlExcerpts(cwd, options.headCommit, prefix);
  await writeSummary(report, { links, pathPrefix: prefix, excerpt });
  if (inputs.sarifFile) writeFile(path.resolve(workspace, inputs.sarifFile), renderSarif(report, { pathPrefix: prefix, rules: RULES }));

  let commentUrl: string | undefined;
  if (octokit && event.pullNumber !== undefined && inputs.comment !== 'false') {
    // A PR that changes no migration, schema or config gets no new comment (an existing one is kept current).
    const concerns = inputs.commentOnClean || report.exitCode !== 0 || changed === undefined || report.configs.some((c) => relevantChange(c, changed));
    commentUrl = await postComments(octokit, { owner, repo, issue_number: event.pullNumber }, report, inputs, { links, pathPrefix: prefix, excerpt }, budget, concerns);
  }

  // Defects already on the base branch are in the summary, not on the diff of a PR that did not cause them.
  const located = report.configs
    .flatMap((c) => c.findings)
    .filter((f) => !f.preExisting)
    .map((finding) => ({ finding, repoFile: finding.file ? joinPosix(prefix, finding.file) : undefined }));
  annotateFindings(located, budget, 'the job summary');

  setOutputs(report, reportFile, commentUrl);
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
    lint: inputs.lint,
    replay: inputs.replay,
    replaySeed: inputs.replaySeed,
    ...(inputs.out ? { out: inputs.out } : {}),
    ...(inputs.dialect ? { dialect: inputs.dialect } : {}),
    ...(inputs.replayTimeout !== undefined ? { replayTimeout: inputs.replayTimeout } : {}),
    ...(inputs.databaseUrl ? { databaseUrl: inputs.databaseUrl, pullRequest: event.pullNumber !== undefined } : {}),
    allowCodeExecution: !event.untrustedHead || inputs.allowUntrustedCode,
    ...pullRequestHead(event, cwd),
  };
  const wanted = inputs.baseRef ?? event.baseSha;
  if (!wanted) return options;
  // Not a ref name or sha: no git command runs with it, and the engine reports it as a config-error.
  if (!isValidRevision(wanted)) return { ...options, base: wanted };
  const sha = ensureCommit(cwd, wanted);
  if (sha) return { ...options, base: sha };
  if (options.headCommit) {
    throw new InputError(`The base ${wanted} could not be fetched, and the pull request's head is not checked out either. ${CHECKOUT_STEP}`);
  }
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

/** The step to add when the action cannot see the pull request's head: no code of the PR runs in it. */
const CHECKOUT_STEP =
  'Check out the pull request\'s head before this step (drizzle-guard only reads its files; run none of its code after it):\n' +
  '  - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1\n' +
  '    with:\n' +
  '      ref: ${{ github.event.pull_request.head.sha }}\n' +
  '      persist-credentials: false\n' +
  '      allow-unsafe-pr-checkout: true';

/**
 * pull_request_target checks out the base branch by default: comparing the base with itself would pass any PR.
 * When the checkout is neither the PR head nor its merge, the head's migrations are read from git objects.
 */
function pullRequestHead(event: EventInfo, cwd: string): { headCommit?: string } {
  // Without a git checkout there is nothing to verify or fetch into (and no base to compare with either).
  if (event.pullNumber === undefined || !event.headSha || !repositoryRoot(cwd)) return {};
  if (!/^[0-9a-f]{40}$/i.test(event.headSha)) throw new InputError(`The event's pull_request.head.sha is not a commit id: ${event.headSha}`);
  if (checkoutIs(cwd, event.headSha)) return {};
  const fetched = fetchPullHead(cwd, event.headSha, event.pullNumber);
  if (!fetched) {
    throw new InputError(`The checked-out commit is not the pull request's head ${event.headSha} (nor its merge with the base), and the head could not be fetched. ${CHECKOUT_STEP}`);
  }
  core.info(`The checkout is not the pull request's head: reading its migrations from the git objects of ${fetched} (no checkout).`);
  return { headCommit: fetched };
}

/**
 * Schema drift is reported on the config (it names the schema); on the diff it belongs on the schema file the
 * pull request changed, at its first changed line.
 */
function pointDriftAtSchema(report: Report, root: string, base: string, head: string, prefix: string, changed: readonly string[]): void {
  for (const config of report.configs) {
    const schemaFiles = changed.filter((f) => config.schema?.some((s) => inSchema(f, s)));
    if (schemaFiles.length === 0) continue;
    const lines = firstChangedLines(root, base, head, schemaFiles.map((f) => joinPosix(prefix, f)));
    const [file] = schemaFiles;
    const line = lines.get(joinPosix(prefix, file!));
    config.findings = config.findings.map((f) => (f.category === 'drift' && f.ruleId === 'schema-drift' ? { ...f, file: file!, ...(line ? { line } : {}) } : f));
  }
  report.findings = report.configs.flatMap((c) => c.findings);
}

/** Lines of the reviewed SQL files, for the statement under each finding (from git when the head is not checked out). */
function sqlExcerpts(cwd: string, headCommit: string | undefined, prefix: string): MarkdownOptions['excerpt'] {
  const files = new Map<string, string[] | undefined>();
  const linesOf = (file: string) => {
    if (!files.has(file)) {
      const text = headCommit ? showFile(cwd, headCommit, joinPosix(prefix, file)) : readText(path.join(cwd, file));
      files.set(file, text?.split(/\r?\n/));
    }
    return files.get(file);
  };
  return (file, line, endLine) => {
    if (!file.endsWith('.sql')) return undefined;
    return linesOf(file)?.slice(line - 1, Math.max(line, endLine)).join('\n');
  };
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
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
  concerns: boolean,
): Promise<string | undefined> {
  const runUrl = process.env['GITHUB_RUN_ID'] && opts.links ? `${opts.links.serverUrl}/${opts.links.repository}/actions/runs/${process.env['GITHUB_RUN_ID']}` : undefined;
  const hint = runUrl ? `the [job summary](${runUrl})` : 'the job summary';
  let existing: IssueComment[];
  try {
    existing = await ownComments(octokit, pull);
  } catch (error) {
    warnNoComment(failure(error), budget);
    return undefined;
  }
  const markers = new Set<string>();
  let firstUrl: string | undefined;
  for (const config of report.configs) {
    const key = config.config ?? config.out ?? 'default';
    const marker = commentMarker(joinPosix(opts.pathPrefix ?? '', key));
    markers.add(marker);
    // The marker line and its newline are added by upsertComment; the rest must fit under the limit.
    const body = renderMarkdown(reportForConfig(report, config), {
      ...opts,
      limit: { max: COMMENT_LIMIT - marker.length - 1, unit: 'chars' },
      fullReportHint: hint,
      // Timings differ on every run: a re-run of the same commit must not edit the comment.
      stable: true,
    });
    const failing = config.exitCode !== 0;
    const create = concerns && (inputs.comment === 'true' || failing);
    const outcome = await upsertComment(octokit, pull, marker, body, create, existing);
    if (outcome.action === 'failed') {
      // The same cause would fail every other config's comment too.
      warnNoComment(outcome, budget);
      return firstUrl;
    }
    if (outcome.action !== 'skipped') {
      core.info(`PR comment ${outcome.action}: ${outcome.url ?? outcome.id}`);
      firstUrl ??= outcome.url;
    }
  }
  await markStale(octokit, pull, existing, markers, opts.pathPrefix ?? '', budget);
  return firstUrl;
}

/**
 * A config no longer checked (removed from `config:`) would keep its last verdict on the PR forever: its comment
 * is edited to say so. Only comments of configs under this step's working-directory are this step's to edit.
 */
async function markStale(
  octokit: Octokit,
  pull: { owner: string; repo: string; issue_number: number },
  existing: IssueComment[],
  current: Set<string>,
  prefix: string,
  budget: AnnotationBudget,
): Promise<void> {
  for (const c of existing) {
    const key = markerKey(c.body);
    const marker = key === undefined ? undefined : commentMarker(key);
    if (key === undefined || current.has(marker!) || (prefix !== '' && !key.startsWith(`${prefix}/`))) continue;
    const body = `${marker}\n➖ **drizzle-guard no longer checks ${code(key)}** (it is not in this workflow's \`config\` input any more): the result that was here is out of date.\n`;
    if (c.body === body) continue;
    try {
      await octokit.rest.issues.updateComment({ owner: pull.owner, repo: pull.repo, comment_id: c.id, body });
      core.info(`PR comment of ${key} marked as no longer checked: ${c.id}`);
    } catch (error) {
      warnNoComment(failure(error), budget);
      return;
    }
  }
}

function warnNoComment(outcome: CommentOutcome, budget: AnnotationBudget): void {
  if (outcome.action !== 'failed') return;
  const denied = outcome.status === 403 || outcome.status === 404;
  budget.annotate(
    'warning',
    denied
      ? `Could not write the pull request comment (HTTP ${outcome.status}: ${outcome.message}). The token needs \`permissions: pull-requests: write\`; ` +
          'pull requests from forks get a read-only token, so the result is in the annotations and the job summary instead. The verdict is unchanged.'
      : `Could not write the pull request comment: ${outcome.message}. The verdict is unchanged; see the job summary.`,
    { title: 'drizzle-guard: no PR comment' },
  );
}

function setOutputs(report: Report, reportFile: string | undefined, commentUrl: string | undefined): void {
  const findings = report.configs.flatMap((c) => c.findings);
  core.setOutput('exit-code', String(report.exitCode));
  core.setOutput('result', report.exitCode === 0 ? 'pass' : 'fail');
  core.setOutput('findings', String(findings.length));
  core.setOutput('errors', String(findings.filter((f) => f.severity === 'error').length));
  core.setOutput('warnings', String(findings.filter((f) => f.severity === 'warning').length));
  core.setOutput('drift', report.categories.drift === 'fail' ? 'true' : 'false');
  core.setOutput('report-file', reportFile ?? '');
  core.setOutput('comment-url', commentUrl ?? '');
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
