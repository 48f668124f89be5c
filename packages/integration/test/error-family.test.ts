// FloeError.isInstance must recognise errors from every copy of every package: here core's ESM and
// CJS builds loaded side by side in one process, where `instanceof` across the copies fails.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../src/repo-paths';

// The built packages, as users load them (jest maps `@floe/*` to the sources).
const coreCjs = join(repoRoot, 'packages/core/dist/index.cjs');
const coreEsm = join(repoRoot, 'packages/core/dist/index.js');
const igluCjs = join(repoRoot, 'packages/iglu/dist/index.cjs');

const script = `
const { createRequire } = require('node:module');
const req = createRequire(${JSON.stringify(coreCjs)});
(async () => {
  const cjs = req(${JSON.stringify(coreCjs)});
  const esm = await import(${JSON.stringify(`file://${coreEsm}`)});
  const iglu = req(${JSON.stringify(igluCjs)});
  const fromCjs = new cjs.FloeError('closed', 'cjs');
  const fromEsm = new esm.FloeError('closed', 'esm');
  const fromIglu = new iglu.IgluError('not_found', 'iglu');
  console.log(JSON.stringify({
    distinctClasses: cjs.FloeError !== esm.FloeError,
    instanceofAcross: fromCjs instanceof esm.FloeError,
    esmSeesCjs: esm.FloeError.isInstance(fromCjs),
    cjsSeesEsm: cjs.FloeError.isInstance(fromEsm),
    seesIglu: esm.FloeError.isInstance(fromIglu),
    igluCode: fromIglu.code,
    plainError: cjs.FloeError.isInstance(new Error('x')),
    nullish: cjs.FloeError.isInstance(null),
  }));
})();
`;

describe('FloeError.isInstance', () => {
  it('recognises errors across an ESM and a CJS copy of core, and other packages’ errors', () => {
    const out = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({
      distinctClasses: true,
      instanceofAcross: false,
      esmSeesCjs: true,
      cjsSeesEsm: true,
      seesIglu: true,
      igluCode: 'not_found',
      plainError: false,
      nullish: false,
    });
  });
});
