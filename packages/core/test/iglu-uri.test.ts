import { isIgluUri } from '@floe/core';

describe('isIgluUri', () => {
  it.each([
    'iglu:com.snowplowanalytics.snowplow/link_click/jsonschema/1-0-1',
    'iglu:com.acme-inc_x/event-name_2/jsonschema/10-20-30',
  ])('accepts %s', (uri) => {
    expect(isIgluUri(uri)).toBe(true);
  });

  it.each([
    'com.acme/event/jsonschema/1-0-0',
    'iglu:com.acme/event/jsonschema/1-0',
    'iglu:com.acme/ev ent/jsonschema/1-0-0',
    'iglu:com.acme/event/jsonschema/1-0-0 ',
    'iglu:com.acme/event/1-0-0',
    42,
    undefined,
  ])('rejects %p', (value) => {
    expect(isIgluUri(value)).toBe(false);
  });
});
