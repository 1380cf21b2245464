// Draws the frames into the page's canvas, handed over as an OffscreenCanvas.
importScripts('draw.js');
let loop = null;
onmessage = ({ data }) => {
  if (data.canvas) loop = frameLoop(makeFrame(data.canvas.getContext('webgl2', contextAttributes(data.preserve))));
  if (data.start) loop.start();
  if (data.stop) postMessage({ frames: loop.stop() });
};
