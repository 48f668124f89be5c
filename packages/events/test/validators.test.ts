import {
  createFormChange,
  createLinkClick,
  FORM_CHANGE_URI,
  LINK_CLICK_URI,
  SCREEN_VIEW_URI,
} from '@floe/events';
import { validators } from '@floe/events/validators';

describe('@floe/events/validators', () => {
  it('has a validator for every generated schema', () => {
    expect(Object.keys(validators)).toHaveLength(20);
    expect(Object.keys(validators)).toEqual(
      expect.arrayContaining([LINK_CLICK_URI, FORM_CHANGE_URI, SCREEN_VIEW_URI]),
    );
  });

  it('accepts what the builders produce', () => {
    const click = createLinkClick({ targetUrl: 'https://floe.dev', elementClasses: ['cta'] });
    expect(validators[click.schema]!(click.data)).toEqual([]);
    const change = createFormChange({
      formId: 'f',
      elementId: '',
      nodeName: 'INPUT',
      value: null,
      type: 'password',
    });
    expect(validators[change.schema]!(change.data)).toEqual([]);
  });

  it('rejects bad data with a path and a message', () => {
    const issues = validators[LINK_CLICK_URI]!({ targetUrl: '', extra: 1 });
    expect(issues.map((issue) => issue.path).sort()).toEqual(['', '/targetUrl']);
    for (const issue of issues) expect(issue.message).toEqual(expect.any(String));
    // Under draft-04 the enum rejects null although the type allows it (tracker-protocol §2.6).
    const nullType = validators[FORM_CHANGE_URI]!({
      formId: 'f',
      elementId: 'e',
      nodeName: 'INPUT',
      value: 'v',
      type: null,
    });
    expect(nullType).toEqual([expect.objectContaining({ path: '/type' })]);
    const badId = validators[SCREEN_VIEW_URI]!({ name: 'home', id: 'not-a-uuid' });
    expect(badId).toEqual([expect.objectContaining({ path: '/id' })]);
  });
});
