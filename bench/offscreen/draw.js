// One frame of a pan of cached tiles, reduced to its pixels: clear the window, then fill it with a
// quad that samples a 256×256 texture, moved a few pixels each frame. Used by the page itself
// (index.html) and by the worker that draws into the page's canvas (worker.js).
function makeFrame(gl) {
  const vertex = `#version 300 es
    in vec2 p; out vec2 uv; uniform vec2 offset; uniform vec2 size;
    void main() { uv = ((p * 0.5 + 0.5) * size + offset) / 256.0; gl_Position = vec4(p, 0.0, 1.0); }`;
  const fragment = `#version 300 es
    precision mediump float; in vec2 uv; uniform sampler2D tile; out vec4 colour;
    void main() { colour = texture(tile, uv); }`;
  const shader = (type, source) => {
    const s = gl.createShader(type);
    gl.shaderSource(s, source);
    gl.compileShader(s);
    return s;
  };
  const program = gl.createProgram();
  gl.attachShader(program, shader(gl.VERTEX_SHADER, vertex));
  gl.attachShader(program, shader(gl.FRAGMENT_SHADER, fragment));
  gl.bindAttribLocation(program, 0, 'p');
  gl.linkProgram(program);
  gl.useProgram(program);
  gl.bindBuffer(gl.ARRAY_BUFFER, gl.createBuffer());
  gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([-1, -1, 1, -1, -1, 1, 1, 1]), gl.STATIC_DRAW);
  gl.enableVertexAttribArray(0);
  gl.vertexAttribPointer(0, 2, gl.FLOAT, false, 0, 0);
  const pixels = new Uint8Array(256 * 256 * 4);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 37) & 255;
  gl.bindTexture(gl.TEXTURE_2D, gl.createTexture());
  gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, 256, 256, 0, gl.RGBA, gl.UNSIGNED_BYTE, pixels);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
  gl.uniform2f(gl.getUniformLocation(program, 'size'), gl.drawingBufferWidth, gl.drawingBufferHeight);
  const offset = gl.getUniformLocation(program, 'offset');
  let x = 0;
  return () => {
    x += 7;
    gl.uniform2f(offset, x, 0);
    gl.clearColor(0.9, 0.9, 0.9, 1);
    gl.clear(gl.COLOR_BUFFER_BIT);
    gl.drawArrays(gl.TRIANGLE_STRIP, 0, 4);
  };
}

// The context attributes the app uses (platform/web_platform.cpp), the buffer preserved or not.
const contextAttributes = (preserve) => ({ alpha: false, antialias: false, depth: false, stencil: false, preserveDrawingBuffer: preserve });

// Draws a frame on every animation frame from start() until stop(), which answers how many.
function frameLoop(frame) {
  let running = false, frames = 0;
  return {
    start() {
      running = true;
      frames = 0;
      const tick = () => { if (!running) return; frame(); frames++; requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
    },
    stop() { running = false; return frames; },
  };
}
