import {type Browser, chromium} from 'playwright-core';

/** Where Chromium is installed on this machine (Playwright's own download does not work here). */
export const CHROMIUM_PATH = process.env['CHROME_BIN'] || '/usr/bin/chromium';

/**
 * Launches headless Chromium with background work (updates, sync, network prediction) turned off, so that only
 * the page's work runs.
 * @returns The browser.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}
