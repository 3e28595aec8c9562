#!/usr/bin/env python3
"""Write the demonstration's first answers into dist/index.html.

Why: a first visit should read where the figures are heading before the app's wasm has
downloaded. The answers come from the app itself, natively: `cargo run --bin first-screen`
renders them with the same component the app draws them with (src/bin/first_screen.rs), on
the demonstration data. assets/early.js then keeps them on screen only where they are the
answers the app is about to show.

Runs as trunk's post_build hook (TRUNK_STAGING_DIR), or by hand with the dist folder as its
argument. Fails the build rather than ship a page without its marker filled.
"""
import os
import subprocess
import sys

MARKER = "<!-- first-screen -->"

staging = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "dist")
index = os.path.join(staging, "index.html")
with open(index, encoding="utf-8") as f:
    html = f.read()
if MARKER not in html:
    if 'id="early-paint-answers"><p' in html:
        sys.exit(0)  # already done
    sys.exit("paint_first_screen: no " + MARKER + " in " + index)

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# Natively and unoptimised: the native tests build the same crate, so this reuses their work.
run = subprocess.run(
    ["cargo", "run", "--quiet", "--bin", "first-screen"],
    cwd=root,
    capture_output=True,
    text=True,
)
if run.returncode != 0 or 'class="answer' not in run.stdout:
    sys.stderr.write(run.stderr)
    sys.exit("paint_first_screen: the demonstration's first answers could not be rendered")
with open(index, "w", encoding="utf-8") as f:
    f.write(html.replace(MARKER, run.stdout.strip(), 1))
