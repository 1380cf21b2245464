"""Draws Waymark's app icon (the same picture as web/icon.svg) as PNGs at 192 and 512 pixels.

Browsers want PNG icons for installing the app; drawing them here keeps the build free of image
tools: a rounded square, a path through three waypoints. Anti-aliased by 4x4 supersampling.
Usage: make-icons.py SITE_DIR
"""
import struct
import sys
import zlib

import numpy as np


def draw(size):
    ss = 4
    n = size * ss
    c = (np.arange(n) + 0.5) / n * 512.0
    x, y = np.meshgrid(c, c)
    img = np.zeros((n, n, 4))
    # rounded square
    r = 112.0
    dx = np.maximum(np.maximum(r - x, x - (512 - r)), 0)
    dy = np.maximum(np.maximum(r - y, y - (512 - r)), 0)
    inside = dx * dx + dy * dy <= r * r
    img[inside] = (79, 70, 229, 255)
    # the path: two cubic curves through the waypoints
    t = np.linspace(0, 1, 200)[:, None]
    def cubic(p0, p1, p2, p3):
        return ((1 - t) ** 3) * p0 + 3 * ((1 - t) ** 2) * t * p1 + 3 * (1 - t) * t * t * p2 + t ** 3 * p3
    pts = np.vstack([cubic(np.array([96, 352]), np.array([176, 352]), np.array([176, 208]), np.array([256, 208])),
                     cubic(np.array([256, 208]), np.array([336, 208]), np.array([336, 352]), np.array([416, 352]))])
    d2 = np.full((n, n), np.inf)
    for px, py in pts[::2]:
        d2 = np.minimum(d2, (x - px) ** 2 + (y - py) ** 2)
    img[(d2 <= 14 * 14) & inside] = (199, 210, 254, 255)
    for cx, cy in ((96, 352), (256, 208), (416, 352)):
        img[((x - cx) ** 2 + (y - cy) ** 2 <= 36 * 36)] = (255, 255, 255, 255)
    img = img.reshape(size, ss, size, ss, 4).mean(axis=(1, 3))
    return img.round().astype(np.uint8)


def png(pixels):
    h, w, _ = pixels.shape
    raw = b"".join(b"\x00" + pixels[row].tobytes() for row in range(h))
    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


if __name__ == "__main__":
    site = sys.argv[1]
    for size in (192, 512):
        with open(f"{site}/icon-{size}.png", "wb") as f:
            f.write(png(draw(size)))
