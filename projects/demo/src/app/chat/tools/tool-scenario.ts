import {formatTimeIn} from './demo-tools';
import {evaluateArithmetic} from './evaluate-arithmetic';
import {lookUpFacts} from './llm-rx-facts';

/**
 * The tool call a simulated provider makes for a prompt: which tool, its argument text (JSON), and what the
 * simulated model answers once the tool ran (worked out here with the same functions the tool runs).
 */
export interface SimulatedToolCall {
  readonly toolName: string;
  readonly toolArgs: string;
  readonly finalText: string;
}

/** A few cities a prompt may name, and their IANA time zones. */
const CITY_TIME_ZONES: Readonly<Record<string, string>> = {
  london: 'Europe/London',
  paris: 'Europe/Paris',
  berlin: 'Europe/Berlin',
  'new york': 'America/New_York',
  'san francisco': 'America/Los_Angeles',
  tokyo: 'Asia/Tokyo',
  sydney: 'Australia/Sydney',
  utc: 'UTC',
};

/** The longest run of numbers, operators, parentheses and spaces with at least one operator between digits. */
const ARITHMETIC = /[\d.(][\d.\s+\-*/()]*[\d.)]/g;

/**
 * The tool call a simulated model makes for a prompt, so that a simulated answer calls a tool that fits:
 * arithmetic (`12*(3+4)`) calls the calculator with that expression; a question about the time calls the clock
 * with the time zone of a city it names (else the browser's own); anything else looks the prompt up in the facts.
 * @param prompt The user's prompt.
 * @param localTimeZone The time zone for a question about the time that names no city.
 * @param now The moment a question about the time is answered for.
 * @returns The tool, its arguments and the final answer, as the mock server's `toolName`, `toolArgs`, `finalText`.
 */
export function simulatedToolCall(prompt: string, localTimeZone: string, now = new Date()): SimulatedToolCall {
  const expression = (prompt.match(ARITHMETIC) ?? [])
    .map(candidate => candidate.trim())
    .filter(candidate => /\d\s*[-+*/]\s*[\d.(]/.test(candidate) || /\)\s*[-+*/]/.test(candidate))
    .sort((a, b) => b.length - a.length)[0];
  if (expression !== undefined) return call('calculator', {expression}, calculatorAnswer(expression));
  const lower = prompt.toLowerCase();
  if (/\b(time|clock|hour|date)\b/.test(lower)) {
    const city = Object.keys(CITY_TIME_ZONES).find(name => lower.includes(name));
    const timeZone = city === undefined ? localTimeZone : CITY_TIME_ZONES[city];
    return call('current_time', {timeZone}, `The \`current_time\` tool says it is **${formatTimeIn(now, timeZone)}**.`);
  }
  const query = prompt.trim().slice(0, 120);
  return call('llm_rx_facts', {query}, factsAnswer(query));
}

function calculatorAnswer(expression: string): string {
  try {
    return `The calculator says \`${expression}\` = **${evaluateArithmetic(expression)}**.`;
  } catch (error) {
    return `The calculator could not work out \`${expression}\`: ${error instanceof Error ? error.message : String(error)}`;
  }
}

function factsAnswer(query: string): string {
  const facts = lookUpFacts(query);
  if (facts.length === 0)
    return 'My notes about llm-rx say nothing about that. Try asking about cascades, cost or tools.';
  return ['From my notes about llm-rx:', '', ...facts.map(fact => `- **${fact.topic}**: ${fact.fact}`)].join('\n');
}

/** Characters per piece of the simulated argument text: small, so that the arguments visibly stream. */
const CHARACTERS_PER_PIECE = 4;

/**
 * The mock server's scenario keys for a tool call: the tool, its argument text, how many pieces it streams in, and
 * the final answer's text.
 * @param simulated The call.
 * @returns `key=value` parts to add to the provider's scenario (the server takes the last of a repeated key).
 */
export function toolScenarioKeys(simulated: SimulatedToolCall): string[] {
  return [
    `toolName=${encodeURIComponent(simulated.toolName)}`,
    `toolArgs=${encodeURIComponent(simulated.toolArgs)}`,
    `toolChunks=${Math.max(1, Math.ceil(simulated.toolArgs.length / CHARACTERS_PER_PIECE))}`,
    `finalText=${encodeURIComponent(simulated.finalText)}`,
  ];
}

function call(toolName: string, input: Readonly<Record<string, string>>, finalText: string): SimulatedToolCall {
  return {toolName, toolArgs: JSON.stringify(input), finalText};
}
