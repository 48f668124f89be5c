// The event shapes of anchors.md §2, built the same way for both trackers so the cost of building
// the input object is identical on both sides.

/** The test schema of the self-describing events. */
export const BENCH_EVENT_URI = 'iglu:com.acme/bench_event/jsonschema/1-0-0';
/** The entity attached in the `sd-entity` kind. */
export const BENCH_ENTITY_URI = 'iglu:com.acme/bench_entity/jsonschema/1-0-0';

/** Event kinds, in table order. */
export const KINDS = ['structured', 'self-describing', 'sd-entity'];

/** Human labels for the tables. */
export const KIND_LABELS = {
  structured: 'structured events',
  'self-describing': 'self-describing events',
  'sd-entity': 'self-describing events with one entity',
};

/** Structured event fields: category, action, a label containing the index, property, value. */
export const structFields = (i) => ({
  category: 'bench',
  action: 'track',
  label: `event-${i}`,
  property: 'loop',
  value: i,
});

/** The self-describing event: a string name, the integer index, a boolean, a two-string array. */
export const selfDescribing = (i) => ({
  schema: BENCH_EVENT_URI,
  data: { name: 'bench', index: i, flag: i % 2 === 0, tags: ['alpha', 'beta'] },
});

/** The one entity of the `sd-entity` kind. */
export const entity = (i) => ({
  schema: BENCH_ENTITY_URI,
  data: { region: 'eu-west-1', shard: i % 16 },
});
