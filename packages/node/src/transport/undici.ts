// undici, imported by file path on purpose: Bun answers a bare `import … from 'undici'` with its
// own built-in stand-in, whose Agent has no `destroy()` and whose custom connectors hang, while
// `undici/index.js` is the real package on Node, Bun and Deno alike.
export {
  Agent,
  buildConnector,
  type Dispatcher,
  EnvHttpProxyAgent,
  Pool,
  ProxyAgent,
} from 'undici/index.js';
