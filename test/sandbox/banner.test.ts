import { loadConfig } from '../../src/config';
import { bannerText } from '../../src/sandbox/banner';

const app = (idpUrl?: string) => ({
  botUrl: 'http://127.0.0.1:3978',
  graphBaseUrl: 'http://127.0.0.1:3979/beta',
  idpUrl,
});
const tokenHint = (text: string) => text.split('\n').find((l) => l.includes('Curl the emulator'))!;

describe('sandbox start-up banner', () => {
  it('when IDP_PORT is configured, then the token hint asks the identity provider on that port', () => {
    const config = loadConfig({ IDP_PORT: '4123', PLAYGROUND: 'false' });
    const hint = tokenHint(bannerText(app('http://127.0.0.1:4123'), config));
    expect(hint).toContain('TOKEN=$(IDP_PORT=4123 npm run -s token -- avery)');
    expect(hint).toContain('http://127.0.0.1:3979/beta/external/industryData/');
  });

  it('when IDP_PORT is left at its default, then the hint names the default port', () => {
    const hint = tokenHint(bannerText(app('http://127.0.0.1:3980'), loadConfig({})));
    expect(hint).toContain('IDP_PORT=3980 npm run -s token -- avery');
  });

  it('when IDP_PORT=0 picked a free port, then the hint uses the port the provider listens on', () => {
    const config = loadConfig({ IDP_PORT: '0' });
    const hint = tokenHint(bannerText(app('http://127.0.0.1:41877'), config));
    expect(hint).toContain('IDP_PORT=41877 npm run -s token -- avery');
  });

  it('when the provider URL is not known, then the hint falls back to the configured IDP_PORT', () => {
    const hint = tokenHint(bannerText(app(), loadConfig({ IDP_PORT: '4555' })));
    expect(hint).toContain('IDP_PORT=4555 npm run -s token -- avery');
  });
});
