#!/usr/bin/env python3
"""Checks that PNG charts are not blank: enough pixels that are not the background, and some
dark enough to be text or axes.

usage: check_png.py FILE.png...   (exit 1 naming the first blank file)"""
import sys

from PIL import Image


def main(paths):
    for path in paths:
        image = Image.open(path).convert("L")
        counts = image.histogram()  # pixels per grey level, 0 (black) to 255 (white)
        total = sum(counts)
        inked = sum(counts[:245]) / total
        dark = sum(counts[:100]) / total
        if inked < 0.01 or dark < 0.001:
            print(f"check_png: {path}: looks blank ({inked:.2%} inked, {dark:.3%} dark)", file=sys.stderr)
            sys.exit(1)
        print(f"{path}: {image.width}x{image.height}, {inked:.1%} of pixels inked, {dark:.2%} dark (text, axes)")


if __name__ == "__main__":
    main(sys.argv[1:])
