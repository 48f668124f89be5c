// The scenario matrix of the node-tracker benchmark (anchors.md §2): both trackers, three
// configurations, three event kinds, and the base64 settings each row runs with.
import { KINDS } from './events.mjs';

/** Events per yield in the `default-yield` configuration. */
export const YIELD_EVERY = 100;

/**
 * What each configuration means for each tracker, for the tables and the docs.
 * Floe's default memory queue is bounded by bytes first (@floe/node: 128 MiB, then 1,000,000
 * events; reliability.md §1), which holds a 100,000-event burst, so its lossless configuration IS
 * its default one.
 */
export const CONFIG_NOTES = {
  snowplow: {
    default: 'as shipped: POST, bufferSize 10, maxPostBytes 40,000, in-memory store of 1,000',
    'default-yield': `as shipped; the producer yields (setImmediate) every ${YIELD_EVERY} events`,
    lossless: 'as shipped, but an in-memory store with no size limit (maxSize: Infinity)',
  },
  floe: {
    default:
      'as shipped: memory queue (128 MiB / 1,000,000 events cap, holds the burst), so also its lossless config',
    'default-yield': `as shipped; the producer yields (setImmediate) every ${YIELD_EVERY} events`,
    disk: "durable disk queue (queue: 'disk') in a fresh temp dir",
  },
};

/**
 * Lists the scenarios to run, grouped by event kind.
 * Snowplow runs with its default base64 (on); Floe runs with its default (off for POST) and with
 * base64 on, so one pairing compares defaults and the other compares like with like.
 *
 * @param {{ only?: string }} [options] keep only scenarios whose id contains `only`
 */
export function buildMatrix({ only } = {}) {
  const scenarios = [];
  const add = (tracker, config, kind, base64) => {
    const id = `${tracker}/${config}/${kind}/base64-${base64}`;
    scenarios.push({
      id,
      tracker,
      config,
      kind,
      base64,
      yieldEvery: config.endsWith('-yield') ? YIELD_EVERY : 0,
    });
  };
  for (const kind of ['structured', 'self-describing']) {
    add('baseline', 'bare-loop', kind, 'n/a');
    add('baseline', 'payload-loop', kind, 'n/a');
  }
  for (const kind of KINDS) {
    for (const config of ['default', 'default-yield', 'lossless']) {
      add('snowplow', config, kind, 'default');
    }
    for (const base64 of ['default', 'on']) {
      for (const config of ['default', 'default-yield', 'disk']) add('floe', config, kind, base64);
    }
  }
  return only
    ? scenarios.filter((s) => only.split(',').some((part) => s.id.includes(part)))
    : scenarios;
}
