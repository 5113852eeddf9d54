/** Where the browser tests find Chromium: $CHROMIUM_PATH, else /usr/bin/chromium. */
import { accessSync, constants } from 'node:fs';

export const INSTALL_HINT =
  'Chromium not found: install it with `sudo apt-get install -y chromium` (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium or Chrome binary.';

export function chromiumPath() {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  try {
    accessSync(path, constants.X_OK);
    return path;
  } catch {
    return null;
  }
}
