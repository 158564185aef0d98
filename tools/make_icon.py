#!/usr/bin/env python3
"""Draw the app icon (desktop/resources/icon.png, 512×512) with Pillow.

The icon is drawn, not a font glyph, so it comes out the same on every machine: a red tile,
a white deal ticket with its two notches, and a gold coin. `installer/build.py` makes the
.ico (Windows) and .icns (macOS) from this PNG. Run it again only to change the drawing.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

SIZE = 512
RED, WHITE, GOLD, DARK_GOLD = (200, 16, 46, 255), (255, 255, 255, 255), (247, 185, 40, 255), (196, 130, 0, 255)
OUT = Path(__file__).resolve().parents[1] / "desktop" / "resources" / "icon.png"


def draw(size: int = SIZE) -> Image.Image:
    scale = 4  # drawn large and scaled down: smooth edges without antialiasing support
    big = size * scale
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    unit = big / 16
    pen.rounded_rectangle((0.5 * unit, 0.5 * unit, 15.5 * unit, 15.5 * unit), radius=3 * unit, fill=RED)
    # the ticket, with a round notch on each side
    pen.rounded_rectangle((2.5 * unit, 4 * unit, 13.5 * unit, 11 * unit), radius=unit, fill=WHITE)
    for cx in (2.5 * unit, 13.5 * unit):
        pen.ellipse((cx - 0.9 * unit, 6.6 * unit, cx + 0.9 * unit, 8.4 * unit), fill=RED)
    for i in range(6):  # the tear line
        y = 4.6 * unit + i * 1.05 * unit
        pen.rectangle((9.9 * unit, y, 10.2 * unit, y + 0.55 * unit), fill=RED)
    # three seats of a group on the stub side
    for i in range(3):
        x = 4 * unit + i * 1.7 * unit
        pen.ellipse((x, 6.7 * unit, x + 1.2 * unit, 7.9 * unit), fill=RED)
    # the coin
    pen.ellipse((9.2 * unit, 9.2 * unit, 14.6 * unit, 14.6 * unit), fill=DARK_GOLD)
    pen.ellipse((9.6 * unit, 9.6 * unit, 14.2 * unit, 14.2 * unit), fill=GOLD)
    pen.rectangle((11.55 * unit, 10.6 * unit, 12.25 * unit, 13.2 * unit), fill=DARK_GOLD)
    return image.resize((size, size), Image.Resampling.LANCZOS)


if __name__ == "__main__":
    OUT.parent.mkdir(parents=True, exist_ok=True)
    draw().save(OUT, optimize=True)
    print(OUT)
