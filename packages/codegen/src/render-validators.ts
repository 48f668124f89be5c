import { compileStandaloneValidators, createValidatorCompiler, type Resolver } from '@floe/iglu';

/** Inputs of {@link renderValidators}. */
export interface ValidatorsInput {
  readonly resolver: Resolver;
  readonly uris: readonly string[];
  readonly header: string;
}

/** A schema left out of the validators module, and why. */
export interface ValidatorFailure {
  readonly uri: string;
  readonly code: string;
  readonly message: string;
}

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The precompiled validators code: `@floe/iglu`'s standalone code, self-contained and free of
 * `eval`, behind a header. The code is plain JavaScript, so the module opts out of type checking;
 * `renderValidatorsWrapper` writes the typed module beside it that users import. A schema whose
 * validator cannot be compiled is left out and reported, so one bad schema does not cost every
 * other validator.
 *
 * @param input - resolver, URIs and header
 */
export function renderValidators(input: ValidatorsInput): {
  code: string;
  failures: ValidatorFailure[];
} {
  const failures: ValidatorFailure[] = [];
  let uris = [...input.uris];
  let source: string;
  try {
    source = compileStandaloneValidators({ resolver: input.resolver, uris });
  } catch {
    const compiler = createValidatorCompiler({
      resolver: input.resolver,
      onWarning: () => undefined,
    });
    uris = uris.filter((uri) => {
      try {
        compiler.compile(uri);
        return true;
      } catch (error) {
        failures.push({ uri, code: 'validator_failed', message: `validator: ${reason(error)}` });
        return false;
      }
    });
    source = compileStandaloneValidators({ resolver: input.resolver, uris });
  }
  const code = `${input.header}// @ts-nocheck: plain JavaScript from ajv; the validators module beside it gives it its type.\n${source}`;
  return { code, failures };
}
