/** The parts of an ajv error object (with `verbose: true`) that messages are built from. */
export interface AjvErrorLike {
  readonly instancePath: string;
  readonly schemaPath: string;
  readonly keyword: string;
  readonly params: Record<string, unknown>;
  readonly message?: string;
  readonly data?: unknown;
  readonly schema?: unknown;
}

/** A readable issue: what was expected against what was found. */
export interface DescribedIssue {
  readonly path: string;
  readonly keyword: string;
  readonly message: string;
  readonly schemaPath: string;
  readonly expected?: unknown;
  readonly found?: unknown;
}

/**
 * Turns one ajv error into a readable issue such as `/targetUrl: must be string, found number`.
 * Self-contained on purpose: its source is copied into precompiled validator modules
 * (see portable-helpers.ts), so it may use only its parameter and standard globals.
 *
 * @param error - an ajv error produced with `verbose: true`
 */
export function describeAjvError(error: AjvErrorLike): DescribedIssue {
  const params = error.params || {};
  const data = error.data;
  const show = (value: unknown): string => {
    let text: string | undefined;
    try {
      text = JSON.stringify(value);
    } catch {
      text = undefined; // cycles or BigInt in data that did not come from JSON
    }
    if (text === undefined)
      text = typeof value === 'object' ? Object.prototype.toString.call(value) : String(value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
  };
  const kind = (value: unknown): string =>
    value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  const base = error.message || `must pass "${error.keyword}"`;
  let text = base;
  let expected: unknown = error.schema;
  let found: unknown = data;
  switch (error.keyword) {
    case 'type': {
      const types = String(params['type']).split(',');
      text = `must be ${types.join(' or ')}, found ${kind(data)}`;
      expected = params['type'];
      break;
    }
    case 'enum': {
      const allowed = (params['allowedValues'] as unknown[]) || [];
      const listed = allowed.map((v) => (typeof v === 'string' ? v : show(v)));
      text = `must be one of ${listed.join(', ')}, found ${show(data)}`;
      expected = allowed;
      break;
    }
    case 'additionalProperties':
      text = `must NOT have additional property '${String(params['additionalProperty'])}'`;
      expected = false;
      found = params['additionalProperty'];
      break;
    case 'required':
      text = `must have required property '${String(params['missingProperty'])}'`;
      expected = params['missingProperty'];
      found = undefined;
      break;
    case 'format':
      text = `must match format "${String(params['format'])}", found ${show(data)}`;
      expected = params['format'];
      break;
    case 'pattern':
      text = `must match pattern "${String(params['pattern'])}", found ${show(data)}`;
      expected = params['pattern'];
      break;
    case 'maxLength':
    case 'minLength':
      found = typeof data === 'string' ? Array.from(data).length : data;
      text = `${base}, found ${String(found)}`;
      break;
    case 'maxItems':
    case 'minItems':
      found = Array.isArray(data) ? data.length : data;
      text = `${base}, found ${String(found)}`;
      break;
    case 'maxProperties':
    case 'minProperties':
      found = data !== null && typeof data === 'object' ? Object.keys(data).length : data;
      text = `${base}, found ${String(found)}`;
      break;
    case 'maximum':
    case 'minimum':
    case 'exclusiveMaximum':
    case 'exclusiveMinimum':
    case 'multipleOf':
      text = `${base}, found ${show(data)}`;
      break;
    default:
      break;
  }
  const path = error.instancePath;
  return {
    path,
    keyword: error.keyword,
    message: `${path === '' ? '/' : path}: ${text}`,
    schemaPath: error.schemaPath,
    expected,
    found,
  };
}
