// PNG export: an SVG picture (made by the app, src/io/export_svg.hpp) drawn off-screen at a chosen
// scale and encoded as one PNG file of any size.
//
// The browser draws the SVG tile by tile (each tile its own small canvas, the SVG's viewBox cut to
// that tile), so no canvas ever exceeds the browser's size limits; the tiles of one band of rows are
// joined row by row and streamed through CompressionStream('deflate') — whose zlib format is exactly
// what a PNG's IDAT data is — so memory holds one band, never the whole image. The UI font is embedded
// in the SVG that is drawn (an SVG drawn as an image may load nothing from outside), so the PNG's
// text is the app's text. Progress is reported per tile; cancelling stops between tiles.
'use strict';
(() => {
  // Tiles: as few as possible (each draws the whole SVG document anew), within a canvas of 4,096
  // pixels a side and 16 million pixels, and a band (a row of tiles) of at most 64 MB. Drawing a tile
  // costs about the same whatever its size (parsing the SVG dominates), so big tiles are fast.
  const TILE_SIDE = 4096, TILE_PIXELS = 16 * 1024 * 1024, BAND_BYTES = 64 * 1024 * 1024;
  const MAX_SIDE = 32768;                  // pixels per side, and in all (below): see the app's dialog
  const MAX_PIXELS = 200e6;

  const CRC = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    CRC[n] = c >>> 0;
  }
  function crc32(parts) {
    let c = 0xffffffff;
    for (const bytes of parts) for (let i = 0; i < bytes.length; i++) c = CRC[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  }
  // One PNG chunk: length, type, data, CRC of type + data.
  function chunk(type, data) {
    const head = new Uint8Array(8);
    const view = new DataView(head.buffer);
    view.setUint32(0, data.length);
    const name = new TextEncoder().encode(type);
    head.set(name, 4);
    const tail = new Uint8Array(4);
    new DataView(tail.buffer).setUint32(0, crc32([name, data]));
    return [head, data, tail];
  }
  function textChunk(keyword, text) {
    // tEXt is Latin-1; iTXt carries UTF-8 (the title may be in any script).
    const k = new TextEncoder().encode(keyword), t = new TextEncoder().encode(text);
    const data = new Uint8Array(k.length + 5 + t.length);
    data.set(k, 0);                        // keyword, NUL, no compression (0, 0), empty language and translated keyword (NUL, NUL)
    data.set(t, k.length + 5);
    return chunk('iTXt', data);
  }
  function base64(buffer) {
    const bytes = new Uint8Array(buffer);
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(s);
  }

  // The UI font's other letters (Latin Extended-B, Greek, Cyrillic, Vietnamese, letterlike symbols)
  // are their own file: faces of the same family for just those characters.
  const BLOCKS = 'unicode-range:U+0180-024F,U+0370-04FF,U+1E00-1EFF,U+2100-215F;';
  function fontFaces(fonts, family) {
    const faces = [];
    const face = (bytes, weight, range = '') => faces.push(`@font-face{font-family:'${family}';font-weight:${weight};${range}src:url(data:font/ttf;base64,${base64(bytes)}) format('truetype')}`);
    if (fonts.regular) face(fonts.regular, 'normal');
    if (fonts.bold) face(fonts.bold, 'bold');
    if (fonts.blocks) face(fonts.blocks, 'normal', BLOCKS);
    if (fonts.boldBlocks) face(fonts.boldBlocks, 'bold', BLOCKS);
    return faces.length ? `<defs><style type="text/css">${faces.join('')}</style></defs>` : '';
  }

  // The SVG's root element without its size: each tile supplies its own width, height and viewBox.
  function splitRoot(svg) {
    const start = svg.indexOf('<svg');
    const end = start < 0 ? -1 : svg.indexOf('>', start);
    if (end < 0) throw new Error('the picture is not an SVG document');
    const attributes = svg.slice(start + 4, end).replace(/\s(width|height|viewBox)="[^"]*"/g, '');
    return { open: `<svg${attributes}`, body: svg.slice(end + 1) };
  }

  async function drawTile(root, faces, x, y, w, h, scale) {
    const svg = `${root.open} width="${w}" height="${h}" viewBox="${x / scale} ${y / scale} ${w / scale} ${h / scale}" preserveAspectRatio="none">${faces}${root.body}`;
    const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    try {
      const img = new Image(w, h);
      img.src = url;
      await img.decode();
      const canvas = new OffscreenCanvas(w, h);
      const g = canvas.getContext('2d', { willReadFrequently: true });
      g.drawImage(img, 0, 0, w, h);
      return g.getImageData(0, 0, w, h).data;
    } finally {
      URL.revokeObjectURL(url);
    }
  }

  // An SVG drawn as an image does not wait for its fonts: text whose face is still loading is drawn
  // as nothing (Chromium drew a first picture without any of its text when a second face of the
  // family was embedded), and a face once loaded is there at once for the pictures after it. So a
  // sample of each face is drawn until every sample shows ink, at most ~2 s (then the tiles are
  // drawn anyway).
  async function facesLoaded(faces, fonts, family) {
    const samples = [[fonts.regular, 'normal', 'Hg'], [fonts.bold, 'bold', 'Hg'], [fonts.blocks, 'normal', '\u0416\u03A9'],
                     [fonts.boldBlocks, 'bold', '\u0416\u03A9']].filter(([bytes]) => bytes);
    if (!samples.length) return;
    const w = 64, line = 40, h = line * samples.length;
    const text = samples.map(([, weight, t], i) =>
      `<text x="4" y="${i * line + 30}" font-family="${family}" font-weight="${weight}" font-size="28">${t}</text>`).join('');
    const root = splitRoot(`<svg xmlns="http://www.w3.org/2000/svg">${text}</svg>`);
    for (let tries = 0; tries < 40; tries++) {
      const px = await drawTile(root, faces, 0, 0, w, h, 1);
      const inked = samples.every((_, i) => {
        let n = 0;
        for (let p = i * line * w * 4 + 3; p < (i + 1) * line * w * 4; p += 4) if (px[p] > 128) n++;
        return n > 20;
      });
      if (inked) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  // Draws `svg` (width × height user units) at `scale` into a PNG Blob. `progress(done, total)` is
  // called after each tile; `cancelled()` is asked before each one (answers null when it says yes).
  async function render({ svg, width, height, scale, fonts = {}, family = 'Noto Sans', title = '', progress = () => {}, cancelled = () => false }) {
    const W = Math.max(1, Math.ceil(width * scale)), H = Math.max(1, Math.ceil(height * scale));
    if (W > MAX_SIDE || H > MAX_SIDE || W * H > MAX_PIXELS)
      throw new Error(`${W} × ${H} pixels is larger than a PNG Waymark can make`);
    const root = splitRoot(svg);
    const faces = fontFaces(fonts, family);
    await facesLoaded(faces, fonts, family);
    const tileW = Math.min(W, TILE_SIDE);
    const tileH = Math.max(64, Math.min(H, TILE_SIDE, Math.floor(TILE_PIXELS / tileW), Math.floor(BAND_BYTES / (W * 4))));
    const across = Math.ceil(W / tileW), down = Math.ceil(H / tileH), total = across * down;
    progress(0, total);

    const zlib = new CompressionStream('deflate');
    const writer = zlib.writable.getWriter();
    const compressed = [];
    const reading = (async () => {
      const reader = zlib.readable.getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        compressed.push(value);
      }
    })();

    let done = 0;
    const stride = 1 + W * 4;              // a filter-type byte, then RGBA
    try {
      for (let band = 0; band < down; band++) {
        const y = band * tileH, h = Math.min(tileH, H - y);
        const rows = new Uint8Array(stride * h);
        for (let col = 0; col < across; col++) {
          // Let the page answer clicks (Cancel) and draw the progress between tiles.
          await new Promise((resolve) => setTimeout(resolve, 0));
          if (cancelled()) return null;
          const x = col * tileW, w = Math.min(tileW, W - x);
          const px = await drawTile(root, faces, x, y, w, h, scale);
          for (let r = 0; r < h; r++) rows.set(px.subarray(r * w * 4, (r + 1) * w * 4), r * stride + 1 + x * 4);
          progress(++done, total);
        }
        // Filter "Sub" (each byte minus the one a pixel to its left): flat colours become zeros.
        for (let r = 0; r < h; r++) {
          const o = r * stride;
          rows[o] = 1;
          for (let i = o + stride - 1; i >= o + 5; i--) rows[i] = (rows[i] - rows[i - 4]) & 0xff;
        }
        await writer.write(rows);
      }
      await writer.close();
      await reading;
    } catch (err) {
      writer.abort(err).catch(() => {});
      throw err;
    }

    const ihdr = new Uint8Array(13);
    const v = new DataView(ihdr.buffer);
    v.setUint32(0, W);
    v.setUint32(4, H);
    ihdr.set([8, 6, 0, 0, 0], 8);          // 8 bits, RGBA, deflate, adaptive filters, no interlace
    const phys = new Uint8Array(9);        // pixels per metre: 96 dpi × scale, so the print size is the map's
    const ppm = Math.round((96 * scale) / 0.0254);
    new DataView(phys.buffer).setUint32(0, ppm);
    new DataView(phys.buffer).setUint32(4, ppm);
    phys[8] = 1;
    const parts = [new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]), ...chunk('IHDR', ihdr), ...chunk('pHYs', phys)];
    if (title) parts.push(...textChunk('Title', title));
    parts.push(...textChunk('Software', 'Waymark'));
    for (const data of compressed) parts.push(...chunk('IDAT', data));
    parts.push(...chunk('IEND', new Uint8Array(0)));
    return { blob: new Blob(parts, { type: 'image/png' }), width: W, height: H, tiles: total };
  }

  window.WaymarkPng = { render, MAX_SIDE, MAX_PIXELS };
})();
