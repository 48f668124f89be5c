import { trackSelfDescribingEvent } from '@floe/core';
import { type FormChange, trackFormChange, trackFormSubmit } from '@floe/events';
import type { BrowserTracker } from '../tracker/browser-tracker';
import { type ElementFilter, type ElementRule, passesFilter } from './element-filter';

/** Snowplow's focus event; not among `@floe/events`' schemas yet, so it is built here. */
export const FOCUS_FORM_SCHEMA = 'iglu:com.snowplowanalytics.snowplow/focus_form/jsonschema/1-0-0';

/** Options of {@link enableFormTracking}. */
export interface FormTrackingOptions {
  /** Which forms to track (by class or predicate). All by default. */
  readonly forms?: ElementFilter;
  /** Which fields to track. All by default. */
  readonly fields?: ElementFilter;
  /**
   * Fields whose value is never captured (sent as `null`), on top of the fixed rule: `password`
   * inputs, `autocomplete="cc-…"` fields and elements with a `data-floe-sensitive` attribute.
   */
  readonly sensitive?: ElementRule;
  /** Which events to send. Default all three. */
  readonly events?: readonly ('focus_form' | 'change_form' | 'submit_form')[];
}

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
type NodeName = 'INPUT' | 'TEXTAREA' | 'SELECT';

// The input types the form schemas' enums allow; `type` is left out for anything else.
const INPUT_TYPES = new Set(
  'button checkbox color date datetime datetime-local email file hidden image month number password radio range reset search submit tel text time url week'.split(
    ' ',
  ),
);

/**
 * Tracks form fields gaining focus (`focus_form`), changing (`change_form`) and forms being
 * submitted (`submit_form`). Values of sensitive fields are NEVER read: `password` inputs, fields
 * whose `autocomplete` names a card detail (`cc-number`, `cc-csc`…), fields marked
 * `data-floe-sensitive`, and whatever `sensitive` matches send `value: null`.
 *
 * @returns a function that removes the listeners.
 * @example
 * enableFormTracking(tracker, { fields: { deny: ['search-box'] } });
 */
export function enableFormTracking(
  tracker: BrowserTracker,
  options: FormTrackingOptions = {},
): () => void {
  const wanted = new Set(options.events ?? ['focus_form', 'change_form', 'submit_form']);
  const isSensitive = (field: Field) =>
    (field as HTMLInputElement).type === 'password' ||
    /(^|\s)cc-/.test(field.autocomplete ?? '') ||
    field.hasAttribute('data-floe-sensitive') ||
    (!!options.sensitive && passesFilter(field, { allow: options.sensitive }));
  // The keys every event tells of a field; `type` only for input types the schemas' enum allows.
  const describe = (field: Field) => {
    const type = field.nodeName === 'INPUT' ? (field as HTMLInputElement).type.toLowerCase() : '';
    return {
      nodeName: field.nodeName as NodeName,
      value: isSensitive(field) ? null : field.value.slice(0, 65535),
      ...(INPUT_TYPES.has(type) && { type: type as NonNullable<FormChange['type']> }),
    };
  };
  const fieldOf = (target: EventTarget | null): Field | undefined => {
    const field = target as Field | null;
    const form = field?.form;
    return field &&
      /^(INPUT|TEXTAREA|SELECT)$/.test(field.nodeName) &&
      form &&
      passesFilter(form, options.forms) &&
      passesFilter(field, options.fields)
      ? field
      : undefined;
  };
  const formId = (form: HTMLFormElement) => form.id || form.getAttribute('name') || '';
  // What `focus_form` and `change_form` say of the field; the first calls the type `elementType`.
  const changeOf = (field: Field) => ({
    formId: formId(field.form!),
    elementId: field.id || field.name || '',
    ...describe(field),
    ...(field.classList.length > 0 && { elementClasses: [...field.classList] }),
  });

  const onFocus = (event: Event) => {
    const field = fieldOf(event.target);
    if (!field) return;
    const { type, ...data } = changeOf(field);
    trackSelfDescribingEvent(tracker, {
      schema: FOCUS_FORM_SCHEMA,
      data: { ...data, ...(type && { elementType: type }) },
    });
  };
  const onChange = (event: Event) => {
    const field = fieldOf(event.target);
    if (field) trackFormChange(tracker, changeOf(field));
  };
  const onSubmit = (event: Event) => {
    const form = event.target as HTMLFormElement;
    if (form.nodeName !== 'FORM' || !passesFilter(form, options.forms)) return;
    const elements = [...form.elements]
      .filter((element): element is Field => !!fieldOf(element) && !!(element as Field).name)
      .map((field) => ({ name: field.name, ...describe(field) }));
    trackFormSubmit(tracker, {
      formId: formId(form),
      ...(form.classList.length > 0 && { formClasses: [...form.classList] }),
      elements,
    });
  };
  const active = (
    [
      ['focus_form', 'focusin', onFocus],
      ['change_form', 'change', onChange],
      ['submit_form', 'submit', onSubmit],
    ] as const
  ).filter(([name]) => wanted.has(name));
  for (const [, type, listener] of active) document.addEventListener(type, listener, true);
  return () => {
    for (const [, type, listener] of active) document.removeEventListener(type, listener, true);
  };
}
