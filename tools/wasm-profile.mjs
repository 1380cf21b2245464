// Records which wasm functions the page runs on a first visit (the sample workspace made) from
// navigation to the test hook's `ready` (first frame, then the bold face drawn; not the work the app
// holds until the code's second part is in): three times, and once more with the database answering
// 1.5 s late (later than a cold start takes to start the app, the compile of an uncached wasm
// included): storage slower than web/app.js's kWarmUpMs gets a warm-up frame (the "Opening your
// documents…" screen), which a first visit on a loaded machine meets often and which the quick
// loads may never draw (a function missing from the first part is fetched on demand, the whole
// second part before the first frame). A return (the stored document opened) is not recorded: the
// page it opens is controlled by the service worker, which holds both parts, and web/app.js puts
// the second part in place before such a page starts (docs/design.md, "Start-up: the code in two
// parts"). The pointer moves over the window all the while and then sweeps it, as a person's does
// while a page loads: hovering is what a first frame most often meets (no clicks: what they run
// comes with the second part, after the first frame). Run by scripts/split-wasm on a site that
// holds the instrumented waymark.wasm (wasm-split --instrument, made by emcc -sSPLIT_MODULE);
// writes one wasm-split profile per load, <prefix>.1 ... <prefix>.4, for wasm-split
// --merge-profiles.
//   WAYMARK_SITE=<staged site> node tools/wasm-profile.mjs <prefix>
import { writeFileSync } from 'node:fs';
import { startServer, launch, openApp } from '../tests/e2e/lib.mjs';

const prefix = process.argv[2];
// A browser that hangs must not hang the build: scripts/split-wasm tries once more on a failure.
const watchdog = setTimeout(() => { console.error('wasm-profile: no profile after 150 s'); process.exit(1); }, 150000);
const srv = await startServer();
let code = 1;
let n = 0;
// Moves the pointer until stop() (a path over the window, a step every 25 ms), then sweeps the
// window row by row.
function wiggle(page) {
  let moving = true;
  const done = (async () => {
    for (let i = 0; moving; i++) {
      await page.mouse.move(20 + (i * 97) % 1240, 10 + (i * 53) % 780).catch(() => {});
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  })();
  return async () => {
    moving = false;
    await done;
    for (let y = 10; y < 800; y += 45) await page.mouse.move(1270, y, { steps: 12 }).then(() => page.mouse.move(10, y + 22, { steps: 12 }));
  };
}
// Delays indexedDB.open by `ms` in every page of the context (web/storage.js sets the request's
// handlers as it gets it; they are called from the real request, made later).
async function slowDatabase(context, ms) {
  await context.addInitScript((delay) => {
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function (...args) {
      const late = {};
      setTimeout(() => {
        const req = open.apply(this, args);
        for (const name of ['onupgradeneeded', 'onsuccess', 'onerror', 'onblocked'])
          req[name] = (e) => { late.result = req.result; late.error = req.error; if (late[name]) late[name](e); };
      }, delay);
      return late;
    };
  }, ms);
}
async function record(page) {
  await page.evaluate(() => window.waymark.settled());
  const bytes = await page.evaluate(() => {
    const asm = window.Module.asm;
    if (typeof asm.__write_profile !== 'function') throw new Error('waymark.wasm is not instrumented');
    const size = 1 << 20;
    const at = window.Module._malloc(size);
    const written = asm.__write_profile(at, size);
    return Array.from(new Uint8Array(asm.memory.buffer, at, written));
  });
  writeFileSync(`${prefix}.${++n}`, Buffer.from(bytes));
  // Then the work the app holds for the code's second part (the sample's first save, cached tiles,
  // the screen-reader description: web/app.js, wm_code_complete), which a split build runs only once
  // that part is in: it is not in the profile, so its code goes to the second part. It runs here
  // all the same, so that an error in it fails the build.
  await page.evaluate(() => window.waymark.profiled());
}
try {
  for (let visit = 0; visit < 4; visit++) {
    const { context, close } = await launch({ checkExports: false });
    try {
      if (visit === 3) await slowDatabase(context, 1500);
      const page = context.pages()[0] || await context.newPage();
      const stop = wiggle(page);
      const { errors } = await openApp(context, srv.url);
      await stop();
      await record(page);
      if (errors.length) throw new Error(`the page reported: ${errors.join('; ')}`);
    } finally {
      await close();
    }
  }
  code = 0;
} catch (err) {
  console.error('wasm-profile:', err.message || err);
} finally {
  await srv.close();
}
clearTimeout(watchdog);
process.exit(code);
