// Would drawing in a worker make pans faster on software GL? The same frame — a clear and a window of
// cached tiles' pixels (bench/offscreen/draw.js), the heaviest part of a pan's frame — drawn on the
// page's main thread and, through an OffscreenCanvas, in a worker, at 1280×800 on SwiftShader, for
// 3 s each, in turn, twice. Figures: frames drawn per second; the page's main-thread busy ms per
// second (CDP TaskDuration: with the page drawing, the compositor's read-back of each frame blocks
// it); the page's own animation frames per second (how free it is for input meanwhile).
// Prints figures, asserts nothing. Usage: node bench/offscreen_bench.mjs
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../tests/e2e/lib.mjs';
import { serve } from '../scripts/static-server.mjs';

const server = await serve(join(dirname(fileURLToPath(import.meta.url)), 'offscreen'), 0);
const url = `http://127.0.0.1:${server.address().port}/index.html`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
const SECONDS = 3;
const runs = [];
for (let round = 0; round < 2; round++) {
  for (const where of ['page', 'worker']) {
    for (const buffer of ['preserved', 'discarded']) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      const busy = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value * 1000;
      await page.goto(`${url}#${where},${buffer}`);
      await page.waitForTimeout(500);
      const busy0 = await busy(), pageFrames0 = await page.evaluate(() => window.pageFrames);
      await page.evaluate(() => window.start());
      await page.waitForTimeout(SECONDS * 1000);
      const frames = await page.evaluate(() => window.stop());
      const busy1 = await busy(), pageFrames1 = await page.evaluate(() => window.pageFrames);
      runs.push({ where, buffer, frames: frames / SECONDS, busy: (busy1 - busy0) / SECONDS, pageFrames: (pageFrames1 - pageFrames0) / SECONDS });
      await page.close();
    }
  }
}
await browser.close();
server.close();
console.log('drawn by      buffer     frames/s  main-thread busy ms/s  page rAF/s');
for (const r of runs) {
  console.log(`${r.where.padEnd(13)} ${r.buffer.padEnd(10)} ${r.frames.toFixed(1).padStart(8)}  ${r.busy.toFixed(0).padStart(21)}  ${r.pageFrames.toFixed(1).padStart(10)}`);
}
