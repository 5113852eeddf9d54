#!/usr/bin/env node
/** First step of `npm test`: fail at once, in one line, when there is no Chromium for the browser tests. */
import { chromiumPath, INSTALL_HINT } from './chromium-path.mjs';

if (!chromiumPath()) {
  const where = process.env.CHROMIUM_PATH ? `CHROMIUM_PATH=${process.env.CHROMIUM_PATH}` : '/usr/bin/chromium';
  console.error(`${INSTALL_HINT} (looked at ${where})`);
  process.exit(1);
}
