import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type Browser, chromium } from 'playwright-core';
import { serviceMissing } from './required-service.ts';

/** Debian's Chromium (`apt-get install chromium`), which the screen tests drive headless. */
export const CHROMIUM = '/usr/bin/chromium';

/** Whether Chromium is here; in CI its absence is a failure (serviceMissing), elsewhere a skip. */
export function haveChromium(what: string): boolean {
  const here = existsSync(CHROMIUM);
  if (!here) serviceMissing('Chromium', `${CHROMIUM} not found (${what})`);
  return here;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A Hono app served on a loopback port of its own. */
export async function serveOnLoopback(
  fetch: Parameters<typeof serve>[0]['fetch'],
): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const server = serve({ fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
