import * as nodeFs from 'node:fs';

/**
 * The synchronous `node:fs` functions the disk store uses. Pass your own (usually the real module
 * wrapped to throw) to test how the store behaves on `ENOSPC` or `EACCES`, which a test running as
 * root cannot otherwise produce (decision 25).
 */
export type DiskFs = Pick<
  typeof nodeFs,
  | 'closeSync'
  | 'fsyncSync'
  | 'ftruncateSync'
  | 'linkSync'
  | 'mkdirSync'
  | 'openSync'
  | 'readFileSync'
  | 'readSync'
  | 'readdirSync'
  | 'renameSync'
  | 'statSync'
  | 'unlinkSync'
  | 'utimesSync'
  | 'writeSync'
>;

/** The real file system. */
export const realFs: DiskFs = nodeFs;

/** The `code` of a Node system error (`ENOSPC`, `EEXIST`…), if it has one. */
export function errnoOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
