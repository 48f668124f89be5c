import { parseIgluUri } from '@floe/iglu';
import { aliasNames, pascalCase, schemaNames, splitWords } from '../src/naming';

const names = (uri: string) => schemaNames(parseIgluUri(uri));

describe('the naming rule', () => {
  it('derives every name from vendor, name and version', () => {
    expect(names('iglu:com.snowplowanalytics.snowplow/link_click/jsonschema/1-0-1')).toEqual({
      typeName: 'ComSnowplowanalyticsSnowplowLinkClick_1_0_1',
      uriConst: 'COM_SNOWPLOWANALYTICS_SNOWPLOW_LINK_CLICK_1_0_1_URI',
      createName: 'createComSnowplowanalyticsSnowplowLinkClick_1_0_1',
      trackName: 'trackComSnowplowanalyticsSnowplowLinkClick_1_0_1',
      modulePath: 'com.snowplowanalytics.snowplow/link_click/1-0-1.ts',
    });
  });

  it('matches the frozen example of docs/api.md', () => {
    const acme = names('iglu:com.acme/checkout/jsonschema/1-0-0');
    expect(acme.typeName).toBe('ComAcmeCheckout_1_0_0');
    expect(acme.uriConst).toBe('COM_ACME_CHECKOUT_1_0_0_URI');
    expect(acme.createName).toBe('createComAcmeCheckout_1_0_0');
    expect(acme.trackName).toBe('trackComAcmeCheckout_1_0_0');
  });

  it('keeps the vendor apart from same-named schemas of other vendors', () => {
    const web = names('iglu:com.snowplowanalytics.snowplow/screen_view/jsonschema/1-0-0');
    const mobile = names('iglu:com.snowplowanalytics.mobile/screen_view/jsonschema/1-0-0');
    expect(web.typeName).toBe('ComSnowplowanalyticsSnowplowScreenView_1_0_0');
    expect(mobile.typeName).toBe('ComSnowplowanalyticsMobileScreenView_1_0_0');
  });

  it('encodes every version, so versions never need order-dependent suffixes', () => {
    expect(names('iglu:com.acme/a/jsonschema/10-2-13').typeName).toBe('ComAcmeA_10_2_13');
    expect(names('iglu:com.acme/a/jsonschema/1-0-0').typeName).not.toBe(
      names('iglu:com.acme/a/jsonschema/1-0-1').typeName,
    );
  });

  it('splits on dots, underscores and hyphens and keeps the letters of each word', () => {
    expect(splitWords('com.example_company')).toEqual(['com', 'example', 'company']);
    expect(names('iglu:com.example_company/save-game/jsonschema/1-0-2').typeName).toBe(
      'ComExampleCompanySaveGame_1_0_2',
    );
    expect(names('iglu:org.w3/PerformanceNavigationTiming/jsonschema/1-0-0').typeName).toBe(
      'OrgW3PerformanceNavigationTiming_1_0_0',
    );
    expect(names('iglu:com.snowplowanalytics.snowplow.r2f/x/jsonschema/1-0-0').typeName).toBe(
      'ComSnowplowanalyticsSnowplowR2fX_1_0_0',
    );
    expect(pascalCase('items_in_cart')).toBe('ItemsInCart');
  });

  it('makes identifiers of names that start with a digit', () => {
    const digits = names('iglu:1password.com/unlock/jsonschema/1-0-0');
    expect(digits.typeName).toBe('_1passwordComUnlock_1_0_0');
    expect(digits.uriConst).toBe('_1PASSWORD_COM_UNLOCK_1_0_0_URI');
    expect(digits.createName).toBe('create1passwordComUnlock_1_0_0');
  });

  it('gives aliases names that can never equal a generated one', () => {
    expect(aliasNames('LinkClick')).toEqual({
      typeName: 'LinkClick',
      inputTypeName: 'LinkClickInput',
      uriConst: 'LINK_CLICK_URI',
      createName: 'createLinkClick',
      trackName: 'trackLinkClick',
    });
    expect(aliasNames('LegacyScreenView').uriConst).toBe('LEGACY_SCREEN_VIEW_URI');
  });
});
