#!/usr/bin/env python3
"""Draws the Fanpath icon: eight steps rising from first-time buyer to raving fan (with the
dips at Validation and Acclimation that the expected emotion curve has), on a dark rounded
square. Writes assets/icon.svg and, with ImageMagick's `convert`, assets/icon.png (256 x 256).

Run from the repository root: python3 scripts/make_icon.py
"""
import subprocess

HEIGHTS = [36, 70, 52, 88, 80, 118, 140, 168]
COLORS = ["#1f77b4", "#2c8fc9", "#17a2b8", "#2ca02c", "#7cb342", "#bc8a00", "#e4571c", "#e377c2"]
BACKGROUND = "#1d232b"
X0, WIDTH, GAP, BASE = 28, 20, 5, 222


def bars():
    for i, (h, c) in enumerate(zip(HEIGHTS, COLORS)):
        x = X0 + i * (WIDTH + GAP)
        yield x, BASE - h, h, c


def star():
    """The fan at the top of the last step."""
    x = X0 + 7 * (WIDTH + GAP) + WIDTH / 2
    return x, BASE - HEIGHTS[7] - 18, 9


def svg():
    rects = "\n".join(
        f'  <rect x="{x}" y="{y}" width="{WIDTH}" height="{h}" rx="3" fill="{c}"/>' for x, y, h, c in bars()
    )
    cx, cy, r = star()
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">\n'
        "  <!-- Fanpath: eight stages as steps rising from first-time buyer to raving fan. -->\n"
        f'  <rect x="8" y="8" width="240" height="240" rx="44" fill="{BACKGROUND}"/>\n'
        f"{rects}\n"
        f'  <circle cx="{cx}" cy="{cy}" r="{r}" fill="#ffffff"/>\n'
        "</svg>\n"
    )


def png():
    args = ["convert", "-size", "256x256", "xc:none", "-fill", BACKGROUND, "-draw", "roundrectangle 8,8 247,247 44,44"]
    for x, y, _, c in bars():
        args += ["-fill", c, "-draw", f"roundrectangle {x},{y} {x + WIDTH - 1},{BASE - 1} 3,3"]
    cx, cy, r = star()
    args += ["-fill", "#ffffff", "-draw", f"circle {cx},{cy} {cx + r},{cy}", "png32:assets/icon.png"]
    subprocess.run(args, check=True)


if __name__ == "__main__":
    with open("assets/icon.svg", "w", encoding="utf-8") as f:
        f.write(svg())
    png()
