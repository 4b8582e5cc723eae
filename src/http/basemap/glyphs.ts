import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

const RANGE = /^\d{1,5}-\d{1,5}$/;

/**
 * The glyph PBFs of MAP_GLYPHS_DIR, laid out as <dir>/<fontstack>/<range>.pbf. The font stacks are listed
 * once at start; a request may only name one of them, so no request path can leave the directory.
 */
export class GlyphDirectory {
  readonly dir: string;
  readonly fontstacks: ReadonlySet<string>;
  /** The font the basemap labels use. */
  readonly labelFont: string;

  private constructor(dir: string, fontstacks: string[], labelFont: string) {
    this.dir = dir;
    this.fontstacks = new Set(fontstacks);
    this.labelFont = labelFont;
  }

  static async open(dir: string): Promise<GlyphDirectory> {
    const root = resolve(dir);
    let names: string[];
    try {
      const entries = await readdir(root, { withFileTypes: true });
      names = entries.filter((e) => e.isDirectory()).map((e) => e.name);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`MAP_GLYPHS_DIR=${dir} cannot be read: ${reason}`);
    }
    const labelFont = pickLabelFont(names);
    if (!labelFont) {
      throw new Error(
        `MAP_GLYPHS_DIR=${dir} has no font folders; expected <dir>/<font name>/0-255.pbf and so on`,
      );
    }
    return new GlyphDirectory(root, names, labelFont);
  }

  /** The glyph range's bytes, or null for an unknown font stack, a malformed range or a missing file. */
  async read(fontstack: string, range: string): Promise<Buffer | null> {
    if (!this.fontstacks.has(fontstack) || !RANGE.test(range)) return null;
    try {
      return await readFile(join(this.dir, fontstack, `${range}.pbf`));
    } catch {
      return null;
    }
  }
}

/** A regular Noto Sans if there is one, then any regular, then any Noto Sans, then the first by name. */
export function pickLabelFont(names: readonly string[]): string | undefined {
  const score = (name: string) => (/regular/i.test(name) ? 2 : 0) + (/noto sans/i.test(name) ? 1 : 0);
  return [...names].sort((a, b) => score(b) - score(a) || a.localeCompare(b))[0];
}
