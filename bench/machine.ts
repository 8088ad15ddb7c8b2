import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {cpus, loadavg, release, totalmem, type} from 'node:os';

/** Where and with what the bench ran. */
export interface MachineInfo {
  readonly cpuModel: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly os: string;
  readonly node: string;
  /** Load average over 1 minute when the bench started: other work on the machine skews absolute times. */
  readonly loadAverage: number;
  readonly gitCommit: string;
  /** Package name → installed version. */
  readonly packages: Readonly<Record<string, string>>;
}

/** The packages whose versions the report lists. */
export const REPORTED_PACKAGES = [
  'openai',
  '@anthropic-ai/sdk',
  '@google/genai',
  'cohere-ai',
  'ai',
  '@ai-sdk/openai',
  '@ai-sdk/anthropic',
  '@langchain/openai',
  '@langchain/core',
  'rxjs',
  'typescript',
  'tsx',
  'esbuild',
  'playwright-core',
] as const;

/**
 * Describes this machine, Node and the installed package versions.
 * @returns The description.
 */
export function describeMachine(): MachineInfo {
  const processors = cpus();
  const packages: Record<string, string> = {'llm-rx': versionOf('projects/llm-rx/package.json')};
  for (const name of REPORTED_PACKAGES) packages[name] = versionOf(`node_modules/${name}/package.json`);
  return {
    cpuModel: processors[0]?.model.trim() ?? 'unknown',
    cores: processors.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${type()} ${release()}`,
    node: process.version,
    loadAverage: loadavg()[0] ?? 0,
    gitCommit: gitCommit(),
    packages,
  };
}

function versionOf(packageJson: string): string {
  try {
    return (JSON.parse(readFileSync(packageJson, 'utf8')) as {version?: string}).version ?? 'unknown';
  } catch {
    return 'not installed';
  }
}

function gitCommit(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {encoding: 'utf8'}).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], {encoding: 'utf8'}).trim() !== '';
    return dirty ? `${commit} (with uncommitted changes)` : commit;
  } catch {
    return 'unknown';
  }
}
