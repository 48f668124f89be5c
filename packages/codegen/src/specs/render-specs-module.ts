import type { EventSpec } from '@floe/iglu';
import { renderComment } from '../render-comment';
import {
  describeCardinality,
  describeRule,
  entityMemberType,
  renderNarrowedType,
  topLevelKey,
} from './render-spec-types';
import type { SpecNames } from './spec-names';

/** One spec ready to render: the spec, its names and its schemas' module specifiers. */
export interface SpecToRender {
  readonly spec: EventSpec;
  readonly names: SpecNames;
  /** Import specifier of each schema module the spec uses, by URI. */
  readonly specifiers: ReadonlyMap<string, string>;
}

// Entities arrive as one value or a list by cardinality; JavaScript callers may pass anything,
// and a track function never throws (decision 6), so the shape is not trusted at run time.
const LIST_HELPER = `function listOf<T>(value: T | readonly T[] | undefined): readonly T[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value as T];
}
`;

function renderSpec(target: SpecToRender): string {
  const { spec, names } = target;
  const rules = spec.rules ?? [];
  const entities = spec.entities ?? [];
  const about = spec.description ? [spec.description, ''] : [];
  const out: string[] = [];
  out.push(
    renderNarrowedType(
      names.dataTypeName,
      names.event.typeName,
      rules.filter((rule) => rule.target === 'event'),
      [
        `Event data of {@link ${names.trackName}}: {@link ${names.event.typeName}} (\`${spec.event.schema}\`)`,
        `as the ${spec.name} spec narrows it.`,
      ],
    ),
  );
  const members: string[] = [];
  entities.forEach((entity, index) => {
    const entityNames = names.entities[index]!;
    out.push(
      renderNarrowedType(
        entityNames.typeName,
        entityNames.schema.typeName,
        rules.filter((rule) => rule.target === entity.schema),
        [
          `Data of the \`${entity.schema}\` entity of {@link ${names.trackName}}, as the ${spec.name}`,
          'spec narrows it.',
        ],
      ),
    );
    const member = entityMemberType(entityNames.typeName, entity.cardinality);
    const count = describeCardinality(entity.cardinality);
    if (!member) return;
    members.push(
      `${renderComment([`${count[0]!.toUpperCase()}${count.slice(1)} \`${entity.schema}\` (cardinality "${entity.cardinality}").`], '  ')}\n  readonly ${entityNames.key}${member.optional ? '?' : ''}: ${member.type};`,
    );
  });
  const entitiesOptional = members.every((member) => /^ {2}readonly \w+\?:/m.test(member));
  out.push(
    renderComment([
      `The entities {@link ${names.trackName}} attaches, by kind, with the counts the ${spec.name} spec`,
      'requires: a wrong entity, a missing one or a wrong count does not compile.',
    ]),
    members.length === 0
      ? `export type ${names.entitiesTypeName} = Record<string, never>;\n`
      : `export interface ${names.entitiesTypeName} {\n${members.join('\n')}\n}\n`,
  );
  const forbidden = entities
    .filter((entity) => !entityMemberType('x', entity.cardinality))
    .map((entity) => `Must not carry \`${entity.schema}\`.`);
  const untyped = rules
    .filter((rule) => topLevelKey(rule) === undefined)
    .map((rule) => `${rule.target === 'event' ? 'event' : rule.target}: ${describeRule(rule)}`);
  out.push(
    renderComment([
      ...about,
      `Tracks the ${spec.name} spec: \`${spec.event.schema}\` with its entities, and returns the`,
      "event id. Never throws: a rejected event reaches the tracker's `onDrop`.",
      '',
      'Rules:',
      ...(rules.length === 0
        ? ['- none']
        : rules.map((rule) => `- ${rule.target}: ${describeRule(rule)}`)),
      ...(untyped.length > 0
        ? [
            '',
            'Checked by the spec validators only (types cannot say it):',
            ...untyped.map((line) => `- ${line}`),
          ]
        : []),
      ...(forbidden.length > 0 ? ['', ...forbidden] : []),
      '',
      '@param tracker - the tracker that sends the event',
      `@param data - the event data, narrowed by the spec's rules`,
      `@param entities - the spec's entities; they go first in \`context\``,
      '@param options - more entities (`context`), true timestamp and subject for this event',
    ]),
    `export function ${names.trackName}(`,
    '  tracker: Tracker,',
    `  data: ${names.dataTypeName},`,
    `  entities${entitiesOptional ? '?' : ''}: ${names.entitiesTypeName},`,
    '  options?: TrackOptions,',
    '): string {',
    '  const context = [',
    ...names.entities
      .filter((_, index) => entityMemberType('x', entities[index]!.cardinality))
      .map(
        (entity) =>
          `    ...listOf<${entity.typeName}>(entities?.${entity.key}).map((item) => ${entity.schema.createName}(item)),`,
      ),
    '    ...(options?.context ?? []),',
    '  ];',
    `  return trackSelfDescribingEvent(tracker, ${names.event.createName}(data), { ...options, context });`,
    '}',
    '',
  );
  return out.join('\n');
}

/**
 * The specs module: for each event specification, the narrowed data types, the entities type
 * (tuples and non-empty arrays from the cardinalities) and `track<Spec>(tracker, data,
 * entities, options)`, which attaches the entities before any `options.context` and calls
 * `trackSelfDescribingEvent` (decision 9).
 *
 * @param targets - specs sorted by name
 * @param header - from `renderHeader`
 * @param coreModule - where the core types and `trackSelfDescribingEvent` come from
 */
export function renderSpecsModule(
  targets: readonly SpecToRender[],
  header: string,
  coreModule: string,
): string {
  const imports = new Map<string, Set<string>>();
  for (const { spec, names, specifiers } of targets) {
    const add = (uri: string, list: string[]) => {
      const specifier = specifiers.get(uri)!;
      const set = imports.get(specifier) ?? new Set<string>();
      for (const item of list) set.add(item);
      imports.set(specifier, set);
    };
    add(spec.event.schema, [`type ${names.event.typeName}`, names.event.createName]);
    for (const entity of names.entities)
      add(entity.uri, [`type ${entity.schema.typeName}`, entity.schema.createName]);
  }
  const byName = (a: string, b: string) => {
    const left = a.replace(/^type /, '');
    const right = b.replace(/^type /, '');
    return left < right ? -1 : left > right ? 1 : 0;
  };
  const lines = [
    header,
    `import type { TrackOptions, Tracker } from '${coreModule}';`,
    `import { trackSelfDescribingEvent } from '${coreModule}';`,
    ...[...imports.keys()]
      .sort()
      .map(
        (specifier) =>
          `import { ${[...imports.get(specifier)!].sort(byName).join(', ')} } from '${specifier}';`,
      ),
    '',
    LIST_HELPER,
    ...targets.map(renderSpec),
  ];
  return lines.join('\n').replace(/\n+$/, '\n');
}
