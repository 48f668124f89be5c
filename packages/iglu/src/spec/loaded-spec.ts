import type { EventSpec } from './event-spec';
import type { JsonLocation } from './json-locations';

/** A spec read from its file, with where each of its values is in the text. */
export interface LoadedSpec {
  readonly spec: EventSpec;
  /** Absolute path of the file. */
  readonly file: string;
  /** JSON pointer → where the value starts, for `file:line:column` findings. */
  readonly locations: ReadonlyMap<string, JsonLocation>;
}
