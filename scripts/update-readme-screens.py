#!/usr/bin/env python3
"""Replaces the captures between the screens markers in README.md with scripts/readme-screens.sh output."""
import pathlib, subprocess, sys
root = pathlib.Path(__file__).resolve().parent.parent
captures = subprocess.run([str(root / "scripts/readme-screens.sh")], check=True, capture_output=True, text=True).stdout
readme = root / "README.md"
text = readme.read_text()
start, end = "<!-- screens:start -->", "<!-- screens:end -->"
if start not in text or end not in text:
    sys.exit("README.md has no screens markers")
head, rest = text.split(start, 1)
_, tail = rest.split(end, 1)
readme.write_text(head + start + "\n" + captures.replace("### ", "#### ") + end + tail)
