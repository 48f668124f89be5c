// Moved to subject/subject-fields.ts; kept only so the shared public-types.ts resolves until it
// imports from there.
export type { Dimensions, SubjectFields } from '../subject/subject-fields';
