"""Overrides of Material (overrides/, hooks/theme_fixes.py) stay what they claim to be."""
import re
import unicodedata
from pathlib import Path

import material

from tools.page import ROOT

MATERIAL = Path(material.__file__).parent / "templates"
STRING = re.compile(r'^  "(?P<key>[^"]+)": "(?P<value>[^"]*)",?$', re.M)


def strings(path: Path) -> dict[str, str]:
    return {m["key"]: m["value"] for m in STRING.finditer(path.read_text(encoding="utf-8"))}


def test_hindi_strings_are_materials_in_nfc():
    """overrides/partials/languages/hi.html is Material's own Hindi file, normalised to NFC
    (Material's skip link «विषय पर बढ़ें» was not); regenerate it if Material changes it."""
    ours = strings(ROOT / "overrides" / "partials" / "languages" / "hi.html")
    theirs = strings(MATERIAL / "partials" / "languages" / "hi.html")
    assert len(theirs) > 40
    assert ours == {k: unicodedata.normalize("NFC", v) for k, v in theirs.items()}
    assert unicodedata.normalize("NFC", ours["action.skip"]) == ours["action.skip"] == "विषय पर बढ़ें"
