/*
 * No API key, nor any 8-character slice of one, in anything a logged call leaves behind in Chromium: every row of
 * every IndexedDB table, both exports, the error and its whole cause chain, the chunks and the usage part's
 * attempts, and the console. Real SDKs against the mock provider server (port 4010), each call through
 * `loggedLlm()` into a database of its own.
 */
import Dexie from 'dexie';
import {createLlmCallLog, loggedLlm, type LlmCallLog} from 'llm-rx/logging';
import {secretCaseGroups, type SecretCase} from './secret-cases';
import {scanCallLog} from './secret-log-scan';
import {caseProblems, fetchCaseRecords, runSecretCase, scanSecretRun} from './secret-run';
import {ConsoleCapture, SecretScan} from './secret-scan';

let databaseSequence = 0;

describe('secrets in Chromium with logging: no key or slice of it in IndexedDB, exports, errors, causes, chunks or the console', () => {
  // `npm run test:node` globs every spec: there, with no IndexedDB, this suite only says where it runs.
  if (typeof indexedDB === 'undefined') {
    it('runs in Chromium only', () => pending('the call log needs IndexedDB'));
    return;
  }

  let databaseName: string;
  let log: LlmCallLog;

  beforeEach(() => {
    databaseName = `llm-rx-secrets-spec-${Date.now().toString(36)}-${databaseSequence++}`;
    log = createLlmCallLog({databaseName, storeBodies: true});
  });

  afterEach(async () => {
    await log.close();
    // A closed connection counts as open until its last transaction commits, which would block the delete.
    await new Promise(resolve => setTimeout(resolve, 0));
    await Dexie.delete(databaseName);
  });

  for (const [title, cases] of secretCaseGroups()) {
    describe(title, () => {
      for (const testCase of cases) it(testCase.name, () => checkCase(testCase, log));
    });
  }
});

async function checkCase(testCase: SecretCase, log: LlmCallLog): Promise<void> {
  const scan = new SecretScan(testCase.keys);
  const capture = new ConsoleCapture();
  capture.start();
  let run;
  let records;
  let rows;
  try {
    run = await runSecretCase(testCase, llm => loggedLlm(llm, {log, apiKeyAlias: 'secrets-spec'}));
    records = run.ended === 'not-created' ? [] : await fetchCaseRecords(testCase);
    // Flushes first; still under capture, so that what the log itself prints is scanned too.
    rows = await scanCallLog(scan, log);
  } finally {
    capture.stop();
  }
  scanSecretRun(scan, run);
  scan.console(capture.calls);

  const problems = caseProblems(testCase, run, records);
  if (run.ended !== 'not-created' && !(rows['calls'] > 0)) problems.push('the call log holds no row of the call');
  expect(problems).withContext(testCase.name).toEqual([]);
  const report = scan.report(testCase.name);
  if (report !== '') fail(report);
}
