// The bundle is sent compressed: the build writes Brotli and gzip copies beside each file, and
// the server sends the best one the browser accepts, with the file's own type and
// `Vary: Accept-Encoding`. Requests are made with node's http client so that the test chooses
// the Accept-Encoding header (a browser always sends its own).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { DIST } from './helpers.mjs';
import { serve, accepted } from '../../scripts/static-server.mjs';
import { compressBundle } from '../../scripts/compress_bundle.mjs';

let server;
let origin;
let files;

before(async () => {
  server = await serve(DIST, 0);
  origin = `http://127.0.0.1:${server.address().port}`;
  // Relative paths: the wasm's parts are in a folder of their own (app-<hash>/).
  files = await readdir(DIST, { recursive: true });
});

after(() => new Promise((ok) => server.close(ok)));

/** GETs `path` with the given Accept-Encoding (none when undefined): status, headers, body. */
function get(base, path, acceptEncoding) {
  return new Promise((ok, fail) => {
    const headers = acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding };
    request(`${base}${path}`, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', fail).end();
  });
}

const decode = { br: brotliDecompressSync, gzip: gunzipSync };

test('the build writes a Brotli and a gzip copy of each text file and of the wasm, and none of the images', () => {
  const wasm = files.find((f) => f.endsWith('_bg.wasm'));
  assert.ok(wasm, `no wasm in ${files}`);
  const later = files.find((f) => /split_workshop\.wasm$/.test(f));
  assert.ok(later, `no part of the wasm for the workshop in ${files}`);
  for (const name of ['index.html', wasm, later, 'sw.js', 'offline.js', 'manifest.webmanifest']) {
    assert.ok(files.includes(`${name}.br`), `${name}.br missing`);
    assert.ok(files.includes(`${name}.gz`), `${name}.gz missing`);
  }
  assert.ok(!files.some((f) => f.endsWith('.png.br') || f.endsWith('.png.gz')), 'an image was compressed again');
});

test('the service worker names the files, every part of the wasm among them, never their compressed copies', async () => {
  const worker = await readFile(join(DIST, 'sw.js'), 'utf8');
  const listed = JSON.parse(worker.match(/const FILES = (\[[\s\S]*?\]);/)[1]);
  assert.ok(listed.includes('/index.html') && listed.some((f) => f.endsWith('_bg.wasm')), listed.join(' '));
  // Every later screen's part too, and the code they share: a screen first opened offline works.
  const parts = files.filter((f) => f.endsWith('.wasm')).map((f) => `/${f}`);
  assert.ok(parts.length > 2, parts.join(' '));
  assert.deepEqual(parts.filter((f) => !listed.includes(f)), []);
  assert.deepEqual(listed.filter((f) => /\.(br|gz)$/.test(f)), []);
});

test('each file goes as Brotli to a browser that takes it, as gzip to one that takes only gzip, and as it is otherwise', async () => {
  const wasm = files.find((f) => f.endsWith('_bg.wasm'));
  const css = files.find((f) => f.endsWith('.css'));
  const cases = [
    ['/', 'index.html', 'text/html; charset=utf-8'],
    [`/${wasm}`, wasm, 'application/wasm'],
    [`/${css}`, css, 'text/css; charset=utf-8'],
    ['/sw.js', 'sw.js', 'text/javascript; charset=utf-8'],
    ['/manifest.webmanifest', 'manifest.webmanifest', 'application/manifest+json'],
  ];
  for (const [path, name, type] of cases) {
    const original = await readFile(join(DIST, name));
    for (const [header, coding] of [
      ['gzip, deflate, br, zstd', 'br'], // what Chromium sends
      ['gzip, deflate', 'gzip'],
      ['br;q=0, gzip;q=0.5', 'gzip'], // Brotli refused by name
      ['*', 'br'],
      ['identity', undefined],
      [undefined, undefined], // no header at all
      ['gzip;q=0, br;q=0', undefined],
    ]) {
      const res = await get(origin, path, header);
      const what = `${path} with Accept-Encoding ${header}`;
      assert.equal(res.status, 200, what);
      assert.equal(res.headers['content-type'], type, what);
      assert.equal(res.headers['content-encoding'], coding, what);
      assert.equal(res.headers.vary, 'Accept-Encoding', what);
      assert.equal(Number(res.headers['content-length']), res.body.length, what);
      const body = coding ? decode[coding](res.body) : res.body;
      assert.ok(body.equals(original), `${what}: not the file itself`);
      if (coding) assert.ok(res.body.length < original.length, `${what}: no smaller`);
    }
  }
});

test('an image has no copies to choose from: sent as it is, without Vary', async () => {
  const res = await get(origin, '/icon-192.png', 'gzip, deflate, br');
  assert.equal(res.status, 200);
  assert.equal(res.headers['content-type'], 'image/png');
  assert.equal(res.headers['content-encoding'], undefined);
  assert.equal(res.headers.vary, undefined);
});

test('a file changed after the build is sent as it is now, never as its older compressed copy', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'adoption-forecast-compress-'));
  const local = await serve(dir, 0);
  const base = `http://127.0.0.1:${local.address().port}`;
  try {
    await writeFile(join(dir, 'sw.js'), '// version one\n'.repeat(40));
    const written = await compressBundle(dir);
    assert.deepEqual(written.map((w) => w.name), ['sw.js']);
    let res = await get(base, '/sw.js', 'br');
    assert.equal(res.headers['content-encoding'], 'br');
    assert.match(brotliDecompressSync(res.body).toString(), /version one/);

    // Redeployed by hand, the copies left behind: the file is newer than its copies.
    await writeFile(join(dir, 'sw.js'), '// version two\n'.repeat(40));
    const later = new Date(Date.now() + 5000);
    await utimes(join(dir, 'sw.js'), later, later);
    for (const header of ['br', 'gzip']) {
      res = await get(base, '/sw.js', header);
      assert.equal(res.headers['content-encoding'], undefined, header);
      assert.match(res.body.toString(), /version two/, header);
    }
  } finally {
    await new Promise((ok) => local.close(ok));
    await rm(dir, { recursive: true, force: true });
  }
});

test('Accept-Encoding is read with its weights, as HTTP defines them', () => {
  assert.deepEqual([...accepted('gzip, deflate, br')].sort(), ['br', 'gzip']);
  assert.deepEqual([...accepted('BR;Q=1.0')], ['br']);
  assert.deepEqual([...accepted('br;q=0')], []);
  assert.deepEqual([...accepted('*;q=0.1, gzip;q=0')], ['br']);
  assert.deepEqual([...accepted('')], []);
  assert.deepEqual([...accepted(undefined)], []);
});
