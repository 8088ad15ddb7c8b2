import {anthropicWire} from './anthropic-wire';
import {cohereWire} from './cohere-wire';
import {COMPATIBLE_WIRES} from './compatible-wire';
import {deepSeekWire} from './deepseek-wire';
import {geminiWire} from './gemini-wire';
import {openAiChatWire} from './openai-chat-wire';
import {openAiResponsesWire} from './openai-responses-wire';
import type {ProviderWire} from './provider-wire';

/**
 * Every wire the mock server routes to, tried in order. Each wire module adds one import and one entry here.
 */
export const PROVIDER_WIRES: readonly ProviderWire[] = [
  openAiChatWire,
  openAiResponsesWire,
  deepSeekWire,
  anthropicWire,
  geminiWire,
  cohereWire,
  ...COMPATIBLE_WIRES,
];

/**
 * Finds the wire that serves a request.
 *
 * @param method The HTTP method.
 * @param pathname The URL path without the query string.
 * @param wires The wires to search; defaults to {@link PROVIDER_WIRES}.
 * @returns The first matching wire, or `undefined` when no wire serves the route.
 */
export function findProviderWire(
  method: string,
  pathname: string,
  wires: readonly ProviderWire[] = PROVIDER_WIRES,
): ProviderWire | undefined {
  return wires.find(wire => wire.matches(method, pathname));
}
