import { writeIgluUri } from './iglu-uri-bytes';
import type { EntityText } from './self-describing-text';
import { writeBytes } from './utf8-bytes';

/**
 * How one form of the `contexts` envelope writes and sizes an entity: as plain JSON (under base64)
 * or escaped as part of a JSON string (`co`). A text is written whole; parts are written from the
 * form's constant opening and data key, the URI's bytes, the data, and a closing brace.
 */
export interface EntityForm {
  /** `{"schema":"` in this form. */
  readonly open: Uint8Array;
  /** `","data":` in this form. */
  readonly dataKey: Uint8Array;
  /** Writes text in this form; returns the offset after it. */
  writeText(text: string, into: Uint8Array, at: number): number;
  /** UTF-8 size of a whole entity text in this form. */
  textSize(text: string): number;
  /** UTF-8 size of a data text in this form. */
  dataSize(data: string): number;
}

/**
 * Writes the entities, comma-separated, in `form`.
 *
 * @param entities - texts or parts, or the one entity.
 * @returns the offset after the last byte written.
 */
export function writeEntities(
  entities: EntityText | readonly EntityText[],
  form: EntityForm,
  into: Uint8Array,
  at: number,
): number {
  if (!Array.isArray(entities)) return writeEntity(entities as EntityText, form, into, at);
  let to = at;
  for (let i = 0; i < entities.length; i++) {
    if (i > 0) into[to++] = 44; // ,
    to = writeEntity(entities[i] as EntityText, form, into, to);
  }
  return to;
}

/** UTF-8 size of {@link writeEntities}'s output, commas included, without writing it. */
export function entitiesSize(entities: readonly EntityText[], form: EntityForm): number {
  // The constant parts around an entity's URI and data: `{"schema":"`, `","data":` and `}`.
  const around = form.open.length + form.dataKey.length + 1;
  let bytes = entities.length - 1;
  for (const entity of entities) {
    bytes +=
      typeof entity === 'string'
        ? form.textSize(entity)
        : around + entity.schema.length + form.dataSize(entity.data);
  }
  return bytes;
}

function writeEntity(entity: EntityText, form: EntityForm, into: Uint8Array, at: number): number {
  if (typeof entity === 'string') return form.writeText(entity, into, at);
  let to = writeBytes(form.open, into, at);
  to = writeIgluUri(entity.schema, into, to);
  to = writeBytes(form.dataKey, into, to);
  to = form.writeText(entity.data, into, to);
  into[to] = 125; // }
  return to + 1;
}
