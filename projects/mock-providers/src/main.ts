/**
 * Starts the mock provider server from the command line.
 *
 * Usage: `node --import tsx projects/mock-providers/src/main.ts [--port 4010] [--host 127.0.0.1]`; the port can
 * also come from `MOCK_PROVIDERS_PORT`.
 */
import {serveMockProviders} from './serve-mock-providers';

serveMockProviders();
