// The contract between the engine and each check (integrity, safety, drift, replay, pending).

import type { Category, Finding, FailOn } from '../findings.js';
import type { GuardConfig } from '../config/guard-config.js';
import type { FileTree } from '../model/tree.js';
import type { Dialect, MigrationSet, ResolvedConfig } from '../model/types.js';

export type OutputFormat = 'text' | 'json' | 'markdown' | 'sarif';

/** Everything the CLI flags and action inputs can say. Paths are as given by the user. */
export interface CheckOptions {
  cwd: string;
  configs: string[];
  out?: string;
  dialect?: Dialect;
  base?: string;
  format: OutputFormat;
  output?: string;
  /** Undefined: the settings file's failOn, else "error". */
  failOn?: FailOn;
  drift: boolean;
  lint: boolean;
  /** 'auto': replay when the dialect is postgresql and there are new migrations. */
  replay: boolean | 'auto';
  /** Seed a row into every pre-existing table and trace each new statement (on by default). */
  replaySeed: boolean;
  /** Replay time limit per statement, in seconds (default 60); the whole replay gets ten times that. */
  replayTimeout?: number;
  databaseUrl?: string;
  /**
   * The run checks a pull request (not a deployment): its own new migrations are expected to be pending on
   * databaseUrl, so only what it makes wrong there fails.
   */
  pullRequest?: boolean;
  /** Changed files when the base commit is unavailable (from the GitHub API), paths relative to cwd. */
  changedFiles?: ChangedFile[];
  /**
   * Read the migrations folder from this commit's git objects instead of the working tree: the pull request's
   * head when the checkout holds another commit (pull_request_target checks out the base). Nothing is checked out.
   */
  headCommit?: string;
  /** False under pull_request_target from a fork: the PR's TypeScript must not be executed. */
  allowCodeExecution: boolean;
}

export interface ChangedFile {
  file: string;
  status: 'added' | 'modified' | 'removed';
}

/**
 * What the base commit says about the migration folder. Only paths, the changed files and the journal
 * are read from git: reading every base snapshot would cost more than the whole check.
 */
export interface BaseInfo {
  /** The ref as given, and the commit it resolved to (undefined when only the API's file list is known). */
  ref: string;
  commit?: string;
  /** Files under the migrations folder at the base (relative to cwd). */
  files: ReadonlySet<string>;
  /** Files present at base and at head whose content differs. */
  modified: ReadonlySet<string>;
  /** Files present at base and gone at head. */
  deleted: readonly string[];
  /** The journal at base (legacy layout), for `when` comparisons. */
  journal?: import('../model/types.js').Journal;
  /** The base's text of each modified `.sql` file (read from git; absent with only the API's file list). */
  modifiedSql?: ReadonlyMap<string, string>;
}

/** What one check sees: the config, the migration folder at head and (with --base) at the base. */
export interface CheckContext {
  cwd: string;
  options: CheckOptions;
  config: ResolvedConfig;
  /** drizzle-guard's own settings (.drizzle-guard.json or package.json#drizzle-guard). */
  settings: GuardConfig;
  head: MigrationSet;
  /** The base commit's view of the folder, when --base was given. */
  base?: BaseInfo;
  /** True when migrations are split into applied (at base) and new. */
  hasBase: boolean;
  /** The file-access layer `head` was read through; checks read any further file with it (see treeOf). */
  tree?: FileTree;
}

/**
 * `all` has the project's rule settings applied already; the findings the reconcile adds go through
 * `configure` (the same settings), the ones it changes keep the severity it gives them.
 */
export type Reconcile = (all: Finding[], configure: (added: Finding[]) => Finding[]) => Finding[];

export type CheckOutcome =
  | {
      status: 'ran';
      findings: Finding[];
      notes?: string[];
      /** Run once every check has reported: may attach evidence to, downgrade or replace other checks' findings. */
      reconcile?: Reconcile;
    }
  | { status: 'skipped' | 'not-implemented'; reason: string; findings?: Finding[] };

export interface Check {
  name: string;
  /** Categories this check decides. A category passes when a check covering it ran without failing findings. */
  categories: Category[];
  run(ctx: CheckContext): Promise<CheckOutcome> | CheckOutcome;
  /**
   * Starts slow loading (a wasm compile, a process) before the engine reads the folder, so the two overlap;
   * `head` settles once the folder and the base are read (new migrations marked), for a warm-up that depends
   * on the migrations.
   */
  warmUp?(config: ResolvedConfig, options: CheckOptions, head: Promise<MigrationSet>): void;
}
