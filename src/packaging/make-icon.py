#!/usr/bin/env python3
# Writes src/packaging/sampling-lab.png (256 x 256), the launcher and menu icon. Standard library only.
# Draws the Sampling Lab icon: a next-token distribution, the drawn token highlighted.
import os, struct, zlib
S = 256
px = [[(0, 0, 0, 0)] * S for _ in range(S)]
def inside_round(x, y, r=40, m=8):
    lo, hi = m, S - 1 - m
    if x < lo or x > hi or y < lo or y > hi: return False
    cx = min(max(x, lo + r), hi - r); cy = min(max(y, lo + r), hi - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r
bg = (0, 32, 76, 255)          # cividis dark end
bars = [(0.92, (125, 124, 120)), (0.62, (125, 124, 120)), (0.40, (125, 124, 120)),
        (0.24, (125, 124, 120)), (0.13, (125, 124, 120))]
chosen = 1
hi_col = (253, 231, 55, 255)   # cividis bright end
base, top = 212, 44
for y in range(S):
    for x in range(S):
        if inside_round(x, y): px[y][x] = bg
bw, gap, x0 = 30, 10, 36
for i, (h, c) in enumerate(bars):
    x1 = x0 + i * (bw + gap)
    y1 = int(base - h * (base - top))
    col = hi_col if i == chosen else c + (255,)
    for y in range(y1, base):
        for x in range(x1, x1 + bw): px[y][x] = col
for y in range(base + 6, base + 12):   # the CDF strip under the bars
    for x in range(36, 36 + 5 * bw + 4 * gap): px[y][x] = (200, 200, 200, 255)
mx = 36 + 92                           # the coin u on the strip
for y in range(base + 2, base + 16):
    for x in range(mx - 3, mx + 3): px[y][x] = hi_col
raw = b''.join(b'\x00' + b''.join(struct.pack('4B', *p) for p in row) for row in px)
def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
png = b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', S, S, 8, 6, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b'')
open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'sampling-lab.png'), 'wb').write(png)
