// The replay worker: a child process that owns the embedded PostgreSQL (PGlite). It starts PostgreSQL when
// told which extensions to load (or when the job comes first), takes one job (a replay, or building the
// schema the snapshots declare), reports each statement or step before running it (the parent's watchdog
// names the one that never returns), and answers with the result. The parent kills it on a timeout; it
// exits by itself when the parent goes away.

import type { DeclareJob, ReplayJob, StartRequest, WorkerMessage } from './checks/replay/protocol.js';
import { runDeclare, runJob, startEarly } from './checks/replay/session.js';

const send = (m: WorkerMessage, then: () => void = () => undefined) => process.send!(m, then);

process.on('message', (m: StartRequest | ReplayJob | DeclareJob) => {
  if (m.type === 'start') return startEarly(m.extensionNames, m.baseKey);
  process.removeAllListeners('message');
  (m.type === 'declare' ? runDeclare(m, send) : runJob(m, send)).then(
    (result) => send(result, () => process.exit(0)),
    (e: unknown) => send({ type: 'error', message: e instanceof Error ? e.message : String(e) }, () => process.exit(0)),
  );
});
process.on('disconnect', () => process.exit(0));
