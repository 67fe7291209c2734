"""tools/npm.py fetches packages by name with the npm client and checks each tarball's sha512.
A fake npm (a script that writes a tarball) stands in for the real one: no network here."""
import io
import json
import sys
import tarfile

import pytest

from tools import npm


@pytest.fixture
def fake_npm(tmp_path, monkeypatch):
    """npm.package("demo") runs a fake `npm pack` that writes this tarball."""
    data = io.BytesIO()
    with tarfile.open(fileobj=data, mode="w:gz") as tar:
        body = b'{"name": "demo"}'
        info = tarfile.TarInfo("package/package.json")
        info.size = len(body)
        tar.addfile(info, io.BytesIO(body))
    tarball = tmp_path / "demo-1.0.0.tgz"
    tarball.write_bytes(data.getvalue())
    script = tmp_path / "npm.py"
    script.write_text(
        "import shutil, sys, json\n"
        "dest = sys.argv[sys.argv.index('--pack-destination') + 1]\n"
        f"shutil.copy({str(tarball)!r}, dest)\n"
        "print(json.dumps([{'filename': 'demo-1.0.0.tgz'}]))\n", encoding="utf-8")
    monkeypatch.setattr(npm, "npm_command", lambda: [sys.executable, str(script)])
    monkeypatch.setattr(npm, "CACHE", tmp_path / "cache")
    return npm.integrity(tarball.read_bytes())


def test_a_package_with_the_pinned_hash_is_unpacked(fake_npm, monkeypatch):
    monkeypatch.setitem(npm.PINNED, "demo", ("1.0.0", fake_npm))
    folder = npm.package("demo")
    assert json.loads((folder / "package.json").read_text()) == {"name": "demo"}


def test_a_package_with_another_hash_is_refused(fake_npm, monkeypatch):
    monkeypatch.setitem(npm.PINNED, "demo", ("1.0.0", "sha512-" + "A" * 86 + "=="))
    with pytest.raises(npm.NpmError, match="integrity"):
        npm.package("demo")
    assert not (npm.CACHE / "demo-1.0.0").exists()
