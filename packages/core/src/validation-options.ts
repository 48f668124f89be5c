// Moved to validation/validation-options.ts; kept only so the shared public-types.ts resolves
// until it imports from there.
export type {
  SchemaIssue,
  SchemaValidator,
  SchemaViolation,
  ValidationOptions,
} from './validation/validation-options';
