import type { AliasConfig } from './codegen-config';
import { aliasNames, type SchemaNames } from './naming';
import { renderComment } from './render-comment';

/** One alias with the schema it pins. */
export interface AliasTarget {
  readonly alias: string;
  readonly config: AliasConfig;
  readonly names: SchemaNames;
  readonly version: string;
  /** Import specifier of the schema's module, relative to the aliases module. */
  readonly specifier: string;
  readonly summary: string;
}

const UUID_HELPER = `// UUID v4 from the platform's Web Crypto (browsers, Node >= 19, Deno, Bun, edge runtimes);
// getRandomValues covers pages served without TLS, where randomUUID is missing.
declare const crypto: {
  randomUUID?: () => string;
  getRandomValues<T extends Uint8Array>(array: T): T;
};

function randomUuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return \`\${hex.slice(0, 8)}-\${hex.slice(8, 12)}-\${hex.slice(12, 16)}-\${hex.slice(16, 20)}-\${hex.slice(20)}\`;
}
`;

const quoteKeys = (keys: readonly string[]): string => keys.map((key) => `'${key}'`).join(' | ');

function inputType(target: AliasTarget, data: string): string | undefined {
  const uuid = target.config.generateUuid ?? [];
  const required = target.config.require ?? [];
  if (uuid.length === 0 && required.length === 0) return undefined;
  const parts: string[] = [];
  if (uuid.length > 0) {
    parts.push(`Omit<${data}, ${quoteKeys(uuid)}>`);
    parts.push(`{ ${uuid.map((key) => `readonly '${key}'?: ${data}['${key}']`).join('; ')} }`);
  } else {
    parts.push(data);
  }
  if (required.length > 0) parts.push(`Required<Pick<${data}, ${quoteKeys(required)}>>`);
  return parts.join(' & ');
}

function renderAlias(target: AliasTarget): string {
  const { alias, config, names } = target;
  const short = aliasNames(alias);
  const uri = `\`${config.uri}\` (SchemaVer ${target.version})`;
  const about = [target.summary, ...(config.description ? ['', config.description] : [])];
  const input = inputType(target, short.typeName);
  const param = input ? short.inputTypeName : short.typeName;
  const uuid = config.generateUuid ?? [];
  const filled = uuid.length
    ? `{ ...data, ${uuid.map((key) => `'${key}': data['${key}'] ?? randomUuid()`).join(', ')} }`
    : 'data';
  const uuidNote = uuid.length
    ? [`Missing ${uuid.map((key) => `\`${key}\``).join(', ')} are filled with a new UUID v4.`]
    : [];
  const out = [
    renderComment([...about, '', `Short name for {@link ${names.typeName}}: ${uri}.`]),
    `export type ${short.typeName} = ${names.typeName};`,
    '',
  ];
  if (input) {
    out.push(
      renderComment([
        `What {@link ${short.createName}} accepts: {@link ${short.typeName}} with ${uuid.length ? 'generated ids optional' : 'more required properties'}.`,
      ]),
    );
    out.push(`export type ${short.inputTypeName} = ${input};`, '');
  }
  out.push(
    renderComment([`Iglu URI of {@link ${short.typeName}}: ${uri}.`]),
    `export const ${short.uriConst} = ${names.uriConst};`,
    '',
    renderComment([
      ...about,
      '',
      `Builds the self-describing JSON for ${uri}; same as {@link ${names.createName}}.`,
      ...uuidNote,
      '',
      '@param data - the data',
    ]),
    `export function ${short.createName}(`,
    `  data: ${param},`,
    `): SelfDescribingJson<${short.typeName}, typeof ${short.uriConst}> {`,
    `  return ${names.createName}(${filled});`,
    '}',
    '',
  );
  if (!config.entity) {
    out.push(
      renderComment([
        ...about,
        '',
        `Tracks ${uri} as a self-describing event and returns its event id. Never throws.`,
        ...uuidNote,
        '',
        '@param tracker - the tracker that sends the event',
        '@param data - the event data',
        '@param options - entities (`context`), true timestamp and subject for this event',
      ]),
      `export function ${short.trackName}(`,
      '  tracker: Tracker,',
      `  data: ${param},`,
      '  options?: TrackOptions,',
      '): string {',
      `  return trackSelfDescribingEvent(tracker, ${short.createName}(data), options);`,
      '}',
      '',
    );
  }
  return out.join('\n');
}

/**
 * The aliases module: for each alias of the config, short names (`LinkClick`,
 * `LINK_CLICK_URI`, `createLinkClick`, `trackLinkClick`) for one exact schema, with the
 * `generateUuid` and `require` options applied in the generated code.
 *
 * @param targets - aliases sorted by name
 * @param header - from `renderHeader`
 * @param coreModule - where the core types and `trackSelfDescribingEvent` come from
 */
export function renderAliases(
  targets: readonly AliasTarget[],
  header: string,
  coreModule: string,
): string {
  if (targets.length === 0) return `${header}\nexport {};\n`;
  const needsTrack = targets.some((target) => !target.config.entity);
  const needsUuid = targets.some((target) => (target.config.generateUuid ?? []).length > 0);
  const schemaImports = new Map<string, string>();
  for (const { names, specifier } of targets) {
    const list = `${names.uriConst}, type ${names.typeName}, ${names.createName}`;
    schemaImports.set(specifier, `import { ${list} } from '${specifier}';`);
  }
  const imports = [
    `import type { SelfDescribingJson${needsTrack ? ', TrackOptions, Tracker' : ''} } from '${coreModule}';`,
    ...(needsTrack ? [`import { trackSelfDescribingEvent } from '${coreModule}';`] : []),
    ...[...schemaImports.keys()].sort().map((specifier) => schemaImports.get(specifier)!),
  ];
  return [header, ...imports, '', ...(needsUuid ? [UUID_HELPER] : []), ...targets.map(renderAlias)]
    .join('\n')
    .replace(/\n+$/, '\n');
}
