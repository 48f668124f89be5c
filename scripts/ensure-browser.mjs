#!/usr/bin/env node
// Makes sure a Chromium for the headless browser tests is present. It looks for one (FLOE_CHROMIUM,
// then the usual paths), and as root on Debian installs the distribution's `chromium` package.
// Test tools' own browser downloads are not used: only package-manager installs work offline.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const candidates = [
  process.env.FLOE_CHROMIUM,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
].filter(Boolean);

const found = () => candidates.find((path) => existsSync(path));

if (!found()) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('ensure-browser: installing Debian chromium for the browser tests…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    try {
      execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
      execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
    } catch (error) {
      console.error(`ensure-browser: apt-get failed: ${error.message}`);
    }
  }
}

const chromium = found();
if (!chromium) {
  console.error(
    "ensure-browser: no Chromium found. The browser tests need one: install Debian's `chromium`\n" +
      'package (`apt-get install chromium` as root) or set FLOE_CHROMIUM to a Chromium binary.',
  );
  process.exit(1);
}
console.log(`ensure-browser: using ${chromium}`);
