// Writes a Brotli (.br) and a gzip (.gz) copy beside each file of the bundle that compresses,
// so that a server can send the smallest one the browser accepts without compressing on every
// request (and at the highest levels, which are too slow to use on the fly).
//
// Runs last in trunk's post_build hook (TRUNK_STAGING_DIR), after every other step has written
// its files, or by hand with the dist folder as its argument. Node rather than Python: Node's
// own zlib has Brotli, Python's standard library does not.
import { readdir, readFile, writeFile, stat } from 'node:fs/promises';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { extname, join } from 'node:path';

/** The kinds of file worth compressing: text and wasm. Images are compressed already. */
export const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.svg', '.json', '.webmanifest', '.txt']);

/** Brotli at its best (quality 11, the whole file as one window), as a static copy allows. */
export function brotli(bytes) {
  return brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_LGWIN]: constants.BROTLI_MAX_WINDOW_BITS,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
}

/** gzip at level 9, for the browsers and servers that do not take Brotli. */
export function gzip(bytes) {
  return gzipSync(bytes, { level: 9 });
}

/**
 * Compresses every compressible file in `dir` and its folders (the wasm's parts are in one);
 * a copy is written only when it is smaller than the file. Returns what was written:
 * [{ name, bytes, br, gz }], each name relative to `dir`.
 */
export async function compressBundle(dir) {
  const written = [];
  for (const name of (await readdir(dir, { recursive: true })).sort()) {
    if (!COMPRESSIBLE.has(extname(name))) continue;
    const path = join(dir, name);
    if (!(await stat(path)).isFile()) continue;
    const bytes = await readFile(path);
    const entry = { name, bytes: bytes.length, br: null, gz: null };
    const br = brotli(bytes);
    if (br.length < bytes.length) {
      await writeFile(`${path}.br`, br);
      entry.br = br.length;
    }
    const gz = gzip(bytes);
    if (gz.length < bytes.length) {
      await writeFile(`${path}.gz`, gz);
      entry.gz = gz.length;
    }
    written.push(entry);
  }
  return written;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.env.TRUNK_STAGING_DIR || process.argv[2] || 'dist';
  await compressBundle(dir);
}
