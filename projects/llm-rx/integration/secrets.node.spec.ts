/*
 * No API key, nor any 8-character slice of one, in anything a call leaves behind in Node: the error, its whole
 * cause chain and its util.inspect output, the chunks and the usage part's attempts, and the console. Real SDKs
 * against the mock provider server (port 4010). The call log needs IndexedDB: secrets.browser.spec.ts covers it.
 */
import {formatWithOptions, inspect} from 'node:util';
import {secretCaseGroups, type SecretCase} from './secret-cases';
import {caseProblems, fetchCaseRecords, runSecretCase, scanSecretRun} from './secret-run';
import {ConsoleCapture, SecretScan} from './secret-scan';

const inspectAll = (value: unknown) => inspect(value, {depth: Infinity, showHidden: true});

describe('secrets in Node: no key or slice of it in errors, causes, util.inspect, chunks or the console', () => {
  for (const [title, cases] of secretCaseGroups()) {
    describe(title, () => {
      for (const testCase of cases) it(testCase.name, () => checkCase(testCase));
    });
  }
});

async function checkCase(testCase: SecretCase): Promise<void> {
  const capture = new ConsoleCapture();
  capture.start();
  let run;
  let records;
  try {
    run = await runSecretCase(testCase);
    records = run.ended === 'not-created' ? [] : await fetchCaseRecords(testCase);
  } finally {
    capture.stop();
  }
  const scan = new SecretScan(testCase.keys);
  scanSecretRun(scan, run, inspectAll);
  // As Node's console would have printed each call.
  scan.console(capture.calls, args => formatWithOptions({}, ...args));

  expect(caseProblems(testCase, run, records))
    .withContext(testCase.name)
    .toEqual([]);
  const report = scan.report(testCase.name);
  if (report !== '') fail(report);
}
