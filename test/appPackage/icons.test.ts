/** The Teams icon rules (docs/teams-notes.md#app-icons), checked on the decoded pixels. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodePng, pixelAt } from './png';
import { APP_PACKAGE, filledManifest } from './sample';

describe('app icons', () => {
  const icon = (name: string) => decodePng(readFileSync(join(APP_PACKAGE, name)));

  it('when reading color.png, then it is 192x192 with the symbol inside a solid 48 px border', () => {
    const image = icon(filledManifest().icons.color);
    expect([image.width, image.height]).toEqual([192, 192]);
    const background = pixelAt(image, 0, 0);
    expect(background[3]).toBe(255); // opaque corner: no rounded corners
    const offBorder: string[] = [];
    let symbolPixels = 0;
    for (let y = 0; y < 192; y++) {
      for (let x = 0; x < 192; x++) {
        const same = pixelAt(image, x, y).every((v, i) => v === background[i]);
        const inBorder = x < 48 || y < 48 || x >= 144 || y >= 144;
        if (inBorder && !same) offBorder.push(`${x},${y}`);
        if (!inBorder && !same) symbolPixels++;
      }
    }
    expect(offBorder).toEqual([]);
    expect(symbolPixels).toBeGreaterThan(96 * 96 * 0.15);
  });

  it('when reading outline.png, then it is 32x32, white on fully transparent, filling the icon', () => {
    const image = icon(filledManifest().icons.outline);
    expect([image.width, image.height]).toEqual([32, 32]);
    const notWhite: string[] = [];
    const [xs, ys] = [new Set<number>(), new Set<number>()];
    let transparent = 0;
    for (let y = 0; y < 32; y++) {
      for (let x = 0; x < 32; x++) {
        const [r, g, b, a] = pixelAt(image, x, y);
        if (a === 0) transparent++;
        else if (r !== 255 || g !== 255 || b !== 255) notWhite.push(`${x},${y}`);
        if (a > 0) {
          xs.add(x);
          ys.add(y);
        }
      }
    }
    expect(notWhite).toEqual([]);
    expect(transparent).toBeGreaterThan(32 * 32 * 0.3);
    // No padding: the symbol reaches (nearly) every edge.
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThanOrEqual(28);
    expect(Math.max(...ys) - Math.min(...ys)).toBeGreaterThanOrEqual(28);
  });
});
