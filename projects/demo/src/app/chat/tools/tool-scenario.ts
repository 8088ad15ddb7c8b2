/** The tool call a simulated provider makes for a prompt: which tool, and its argument text (JSON). */
export interface SimulatedToolCall {
  readonly toolName: string;
  readonly toolArgs: string;
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
 * @returns The tool and its arguments, as the mock server's `toolName` and `toolArgs`.
 */
export function simulatedToolCall(prompt: string, localTimeZone: string): SimulatedToolCall {
  const expression = (prompt.match(ARITHMETIC) ?? [])
    .map(candidate => candidate.trim())
    .filter(candidate => /\d\s*[-+*/]\s*[\d.(]/.test(candidate) || /\)\s*[-+*/]/.test(candidate))
    .sort((a, b) => b.length - a.length)[0];
  if (expression !== undefined) return call('calculator', {expression});
  const lower = prompt.toLowerCase();
  if (/\b(time|clock|hour|date)\b/.test(lower)) {
    const city = Object.keys(CITY_TIME_ZONES).find(name => lower.includes(name));
    return call('current_time', {timeZone: city === undefined ? localTimeZone : CITY_TIME_ZONES[city]});
  }
  return call('llm_rx_facts', {query: prompt.trim().slice(0, 120)});
}

/** Characters per piece of the simulated argument text: small, so that the arguments visibly stream. */
const CHARACTERS_PER_PIECE = 4;

/**
 * The mock server's scenario keys for a tool call: the tool, its argument text, and how many pieces it streams in.
 * @param simulated The call.
 * @returns `key=value` parts to add to the provider's scenario (the server takes the last of a repeated key).
 */
export function toolScenarioKeys(simulated: SimulatedToolCall): string[] {
  return [
    `toolName=${encodeURIComponent(simulated.toolName)}`,
    `toolArgs=${encodeURIComponent(simulated.toolArgs)}`,
    `toolChunks=${Math.max(1, Math.ceil(simulated.toolArgs.length / CHARACTERS_PER_PIECE))}`,
  ];
}

function call(toolName: string, input: Readonly<Record<string, string>>): SimulatedToolCall {
  return {toolName, toolArgs: JSON.stringify(input)};
}
