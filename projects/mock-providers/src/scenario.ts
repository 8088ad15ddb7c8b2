import type {MockScenario} from './client/mock-provider-client';

/** The request header that selects a scenario: `x-mock-scenario: key=value;key=value` (values URI-encoded). */
export const SCENARIO_HEADER = 'x-mock-scenario';

// The scenario type lives with the server's client (src/client), which writes the header; the server parses into it.
export type {MockScenario} from './client/mock-provider-client';

/** How a scenario ends the answer. */
export type MockFinish = NonNullable<MockScenario['finish']>;

/** Raised for a scenario header the server cannot understand; the server answers it with HTTP 400. */
export class MockScenarioError extends Error {
  override readonly name = 'MockScenarioError';
}

const NUMBER_KEYS = [
  'chunks',
  'reasoning',
  'headerDelay',
  'chunkDelay',
  'status',
  'retryAfter',
  'errorAfter',
  'dropAfter',
  'stallAfter',
  'malformedAfter',
  'inputTokens',
  'outputTokens',
  'cachedTokens',
  'cacheWriteTokens',
  'reasoningTokens',
  'failTimes',
  'toolCalls',
  'toolRounds',
  'toolChunks',
] as const;

type NumberKey = (typeof NUMBER_KEYS)[number];

const FINISHES: readonly MockFinish[] = ['stop', 'length', 'content-filter', 'refusal'];

/** Every key the scenario header accepts. */
export const SCENARIO_KEYS: readonly (keyof MockScenario)[] = [
  'tag',
  'text',
  'toolName',
  'toolArgs',
  'finalText',
  'noFinal',
  'echoKey',
  'finish',
  ...NUMBER_KEYS,
];

/** The keys that make a request fail, in the order the server checks them; `failTimes` limits them. */
export const FAULT_KEYS = ['status', 'errorAfter', 'dropAfter', 'stallAfter', 'malformedAfter', 'noFinal'] as const;

/**
 * The fault a scenario plays for one request, and the scenario to play.
 *
 * @param scenario The parsed scenario.
 * @param earlierRequests How many requests with the same tag came before this one.
 * @returns The first fault key set (`null` for none), and the scenario without its faults once `failTimes`
 *   requests with this tag have failed.
 */
export function faultOf(
  scenario: MockScenario,
  earlierRequests: number,
): {readonly fault: (typeof FAULT_KEYS)[number] | null; readonly scenario: MockScenario} {
  const fault = FAULT_KEYS.find(key => scenario[key] !== undefined && scenario[key] !== false) ?? null;
  if (fault === null || scenario.failTimes === undefined || earlierRequests < scenario.failTimes) {
    return {fault, scenario};
  }
  const healed: MockScenario = {...scenario};
  for (const key of FAULT_KEYS) delete healed[key];
  return {fault: null, scenario: healed};
}

/**
 * Parses the `x-mock-scenario` header value.
 *
 * @param header The header value (`key=value;key=value`, values URI-encoded); absent means the default scenario.
 * @returns The scenario.
 * @throws MockScenarioError for an unknown key, a non-integer number or an unknown finish reason, so that a typo
 *   fails the test instead of silently running the default scenario.
 */
export function parseScenario(header: string | undefined): MockScenario {
  const scenario: MockScenario = {};
  if (!header) return scenario;
  for (const pair of header.split(';')) {
    if (!pair.trim()) continue;
    const separator = pair.indexOf('=');
    const key = (separator < 0 ? pair : pair.slice(0, separator)).trim();
    const value = separator < 0 ? '' : decodeValue(key, pair.slice(separator + 1).trim());
    if (key === 'tag' || key === 'text' || key === 'toolName' || key === 'toolArgs' || key === 'finalText') {
      scenario[key] = value;
    } else if (key === 'noFinal' || key === 'echoKey') {
      scenario[key] = value === '' || value === '1' || value === 'true';
    } else if (key === 'finish') {
      if (!FINISHES.includes(value as MockFinish)) {
        throw new MockScenarioError(`mock-providers: finish must be one of ${FINISHES.join(', ')}, got "${value}".`);
      }
      scenario.finish = value as MockFinish;
    } else if ((NUMBER_KEYS as readonly string[]).includes(key)) {
      scenario[key as NumberKey] = parseCount(key, value);
    } else {
      throw new MockScenarioError(
        `mock-providers: unknown scenario key "${key}"; known keys: ${SCENARIO_KEYS.join(', ')}.`,
      );
    }
  }
  return scenario;
}

function decodeValue(key: string, value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw new MockScenarioError(`mock-providers: the value of "${key}" is not valid URI encoding.`);
  }
}

function parseCount(key: string, value: string): number {
  if (!/^\d+$/.test(value)) {
    throw new MockScenarioError(`mock-providers: "${key}" needs a whole number >= 0, got "${value}".`);
  }
  return Number(value);
}
