import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CodegenError } from '../src/codegen-error';
import { loadCodegenConfig, parseCodegenConfig } from '../src/load-codegen-config';
import { REPO_ROOT, tempDir } from './helpers';

const uri = 'iglu:com.acme/view/jsonschema/1-0-0';

describe('the codegen config', () => {
  it('loads the repository config with its aliases', async () => {
    const loaded = await loadCodegenConfig(join(REPO_ROOT, 'floe.config.json'));
    expect(loaded.baseDir).toBe(REPO_ROOT);
    expect(loaded.config.aliases?.ScreenView).toEqual({
      uri: 'iglu:com.snowplowanalytics.mobile/screen_view/jsonschema/1-0-0',
      generateUuid: ['id'],
      description: expect.any(String),
    });
    expect(loaded.config.aliases?.FormChange?.uri).toBe(
      'iglu:com.snowplowanalytics.snowplow/change_form/jsonschema/1-0-0',
    );
  });

  it.each([
    [{ aliases: { linkClick: { uri } } }, 'alias names are PascalCase'],
    [{ aliases: { Link_Click: { uri } } }, 'alias names are PascalCase'],
    [{ aliases: { View: { uri: 'iglu:com.acme/view/avro/1-0-0' } } }, 'uri must be an iglu:'],
    [{ aliases: { View: { uri, generateUuid: 'id' } } }, 'generateUuid must be a list'],
    [{ aliases: { View: { uri }, ViewInput: { uri } } }, 'both export ViewInput'],
    [{ validators: 'validators.js' }, 'ending in .ts'],
    [{ additionalProperties: 'strict' }, '"closed" or "open"'],
    [{ schemas: 3 }, 'codegen.schemas must be a string'],
    [{ importExtension: '.ts' }, 'codegen.importExtension must be ".js" or "none"'],
    [{ outDir: 'src/generated' }, 'codegen has no key "outDir"; did you mean "out"?'],
    [{ schema: 'schemas' }, 'codegen has no key "schema"; did you mean "schemas"?'],
    [{ importExtention: '.js' }, 'did you mean "importExtension"?'],
    [{ alias: {} }, 'did you mean "aliases"?'],
    [{ zzz: 1 }, 'codegen has no key "zzz"; valid keys: schemas, out, importExtension,'],
    [
      { aliases: { View: { url: uri } } },
      'codegen.aliases.View has no key "url"; did you mean "uri"?',
    ],
    ['nope', '"codegen" must be an object'],
  ])('rejects %j', (value, message) => {
    expect(() => parseCodegenConfig(value)).toThrow(CodegenError);
    expect(() => parseCodegenConfig(value)).toThrow(message);
  });

  it('names the nearest section when "codegen" is misspelt, and ignores other sections', async () => {
    const temp = tempDir();
    try {
      const file = join(temp.dir, 'floe.config.json');
      writeFileSync(file, JSON.stringify({ codgen: { out: 'gen' } }));
      await expect(loadCodegenConfig(file)).rejects.toMatchObject({
        code: 'invalid_config',
        message: expect.stringContaining('has no section "codgen"; did you mean "codegen"?'),
      });
      writeFileSync(file, JSON.stringify({ collector: { port: 9090 } }));
      await expect(loadCodegenConfig(file)).resolves.toMatchObject({ config: {} });
    } finally {
      temp.remove();
    }
  });

  it('names the file when it is not JSON', async () => {
    const temp = tempDir();
    try {
      const file = join(temp.dir, 'floe.config.json');
      writeFileSync(file, '{ nope');
      await expect(loadCodegenConfig(file)).rejects.toMatchObject({
        code: 'invalid_config',
        message: expect.stringContaining('cannot be read as JSON'),
      });
    } finally {
      temp.remove();
    }
  });
});
