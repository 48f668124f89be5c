// Names the JavaScript runtime a harness runs on, with its version, for the runtimes report.
interface RuntimeGlobals {
  readonly Bun?: { readonly version: string };
  readonly Deno?: { readonly version: { readonly deno: string } };
  readonly process?: { readonly versions?: { readonly node?: string } };
  readonly navigator?: { readonly userAgent?: string };
}

/** E.g. `Node 22.23.3`, `Bun 1.4.5`, `Deno 2.9.6`, or the user agent's product for the others. */
export function describeRuntime(): string {
  const g = globalThis as RuntimeGlobals;
  if (g.Bun) return `Bun ${g.Bun.version}`;
  if (g.Deno) return `Deno ${g.Deno.version.deno}`;
  if (g.process?.versions?.node) return `Node ${g.process.versions.node}`;
  return g.navigator?.userAgent ?? 'unknown';
}
