#!/usr/bin/env python3
"""Move trunk's inline loader script into dist/loader-<hash>.js.

Why: index.html carries a Content-Security-Policy with no 'unsafe-inline' for scripts, so
that nothing injected into the page (a <script> typed into a child reference, say) can run.
Trunk 0.21 always writes its wasm loader inline; we lift it into a file served from our own
origin, which 'self' allows. Runs as trunk's post_build hook (TRUNK_STAGING_DIR) or by hand
with the dist folder as its argument.
"""
import hashlib
import os
import re
import sys

staging = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "dist")
index = os.path.join(staging, "index.html")
with open(index, encoding="utf-8") as f:
    html = f.read()

pattern = re.compile(r'<script type="module"(?: nonce="[^"]*")?>(.*?)</script>', re.S)
found = pattern.search(html)
if found is None:
    if 'src="/loader-' in html:
        sys.exit(0)  # already done
    sys.exit("externalise_loader: no inline loader script found in " + index)

body = found.group(1).strip() + "\n"
name = "loader-" + hashlib.sha256(body.encode()).hexdigest()[:16] + ".js"
with open(os.path.join(staging, name), "w", encoding="utf-8") as f:
    f.write(body)
html = html[: found.start()] + '<script type="module" src="/' + name + '"></script>' + html[found.end():]
with open(index, "w", encoding="utf-8") as f:
    f.write(html)
