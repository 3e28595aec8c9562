#!/usr/bin/env python3
"""Put the built wasm parts into the bundle and link the main part from index.html.

Usage: place_app.py PARTS_DIR STAGING_DIR (scripts/build-wasm calls it last).

The parts go into a folder named by their contents, `app-<hash>/`: `__wasm_split.js` fetches
each part by a name relative to itself (`./split_workshop.wasm`), so the parts keep the names
the splitter gave them, and the folder's name changes whenever any of them does, which is what
stops a browser or a proxy serving a part of an older version beside a newer main part.

index.html gets the loader as a file of its own (`loader-<hash>.js`), because the page's
Content-Security-Policy allows no inline script (nothing typed into the page can ever run), and
preload links so that the browser fetches the main part and its scripts while it reads the
page.
"""
import hashlib
import os
import re
import shutil
import sys

parts, staging = sys.argv[1], sys.argv[2]
names = sorted(os.listdir(parts))
if "main.js" not in names or "main_bg.wasm" not in names:
    sys.exit(f"place_app: no main part (main.js, main_bg.wasm) in {parts}")

digest = hashlib.sha256()
for name in names:
    digest.update(name.encode())
    with open(os.path.join(parts, name), "rb") as f:
        digest.update(f.read())
folder = "app-" + digest.hexdigest()[:16]

# A rebuild into the same staging folder leaves no older version's parts behind.
for name in os.listdir(staging):
    if name.startswith("app-") and os.path.isdir(os.path.join(staging, name)):
        shutil.rmtree(os.path.join(staging, name))
    elif name.startswith("loader-") and name.endswith(".js"):
        os.remove(os.path.join(staging, name))
shutil.copytree(parts, os.path.join(staging, folder))

loader = (
    f"import init from '/{folder}/main.js';\n"
    f"await init({{ module_or_path: '/{folder}/main_bg.wasm' }});\n"
)
loader_name = "loader-" + hashlib.sha256(loader.encode()).hexdigest()[:16] + ".js"
with open(os.path.join(staging, loader_name), "w", encoding="utf-8") as f:
    f.write(loader)

index = os.path.join(staging, "index.html")
with open(index, encoding="utf-8") as f:
    html = f.read()
if "</head>" not in html:
    sys.exit(f"place_app: no </head> in {index}")
# main.js imports __wasm_split.js (the parts' loader): preloaded too, or the browser would
# only ask for it once main.js had arrived, a round trip later.
links = (
    f'<link rel="modulepreload" href="/{folder}/main.js" crossorigin="anonymous">\n'
    f'    <link rel="modulepreload" href="/{folder}/__wasm_split.js" crossorigin="anonymous">\n'
    f'    <link rel="preload" href="/{folder}/main_bg.wasm" as="fetch" type="application/wasm" '
    'crossorigin="anonymous">\n'
    f'    <script type="module" src="/{loader_name}"></script>\n'
    "  </head>"
)
html = html.replace("</head>", links, 1)
# Trunk keeps the tag that told it to skip its own Rust step; it means nothing to a browser.
html = re.sub(r'\s*<link data-trunk rel="rust"[^>]*>', "", html)
with open(index, "w", encoding="utf-8") as f:
    f.write(html)
