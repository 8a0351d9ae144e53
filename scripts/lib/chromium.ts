/**
 * The one browser every test and benchmark drives: Debian's Chromium (never a downloaded one; downloads fail on
 * these machines), with the flags that keep it quiet (no network of its own, no first-run work, no GPU).
 */
export const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
