"""Helpers several test modules share (test modules never import each other)."""
import json
import os
import re
import subprocess
import sys
from pathlib import Path

from tools.build_memo import digest
from tools.glossary import avoided, load, nfc, one_form, spelling_variants
from tools.page import ROOT
from tools.snippet_memo import Memo, versions

GLOSSARY = load()

# --- slow imports off the main thread (EARLY functions) ------------------------------------------

PROCESSES = Memo("background processes", None, "same command, files read, versions")


def printed_in_a_process(*args: str, reads: tuple[Path, ...] = (), packages: tuple[str, ...] = ("torch", "numpy")) -> str:
    """What `python *args` prints, run at the repository's root in a process of its own: an EARLY
    function's way to keep a slow import (torch, matplotlib, fontTools' reading of a whole font)
    off the quick suite's main thread. With `reads`, every file the result depends on, a passing
    run's output is kept in .cache/snippet-runs/ by a hash of the command, those files and the
    versions of Python and `packages`, and reused while they stay the same (as the doc tests'
    runs are: tools/snippet_memo.py)."""
    def run() -> str:
        done = subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
        assert done.returncode == 0, f"python {' '.join(args)} failed:\n{done.stdout[-3000:]}{done.stderr[-3000:]}"
        return done.stdout

    key = digest("process", *args, *(path.read_bytes() for path in reads), *versions(*packages))
    return PROCESSES.remembered(key, run, str) if reads else run()


# --- a copy of the project's doc-test machinery (test_drift, test_doc_items) -------------------

def make_project(folder, pages: dict[str, str], snippets: dict[str, str] | None = None):
    """folder/project: what `pytest docs` needs, with `pages` under docs/ and `snippets` under snippets/."""
    root = folder / "project"
    files = {name: (ROOT / name).read_bytes() for name in ("pytest.ini", "conftest.py")}
    files |= {f"tools/{m}": (ROOT / "tools" / m).read_bytes() for m in (
        "__init__.py", "page.py", "doctests.py", "snippet_memo.py", "build_memo.py", "doctest_report.py", "cuda_output.py", "pytest_doctests.py")}
    files |= {f"docs/{name}": text.encode() for name, text in pages.items()}
    files |= {f"snippets/{name}": text.encode() for name, text in (snippets or {}).items()}
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    return root


# --- the memo, lied to (test_snippet_memo, test_drift) -------------------------------------------

LIE = "what the memo says, not what the code prints\n"


def plant_lies(folder: Path) -> int:
    """Replace every stored result in `folder` with LIE; how many there were."""
    stored = sorted(folder.glob("*.json"))
    for path in stored:
        entry = json.loads(path.read_text(encoding="utf-8"))
        path.write_text(json.dumps({**entry, "value": LIE}), encoding="utf-8")
    return len(stored)


# --- Hindi text against the glossary (test_terminology, test_figures) ------------------------------

def hindi_word(*words: str) -> re.Pattern:
    """Any of `words` standing alone or inflected (टेन्सरों), not inside a longer word, nor as the
    bare start of a letter with nukta or virama (ग्राफ is wrong, ग्राफ़ is not); the longest first."""
    body = "|".join(re.escape(nfc(w)) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w\u0900-\u097f])(?:{body})(?![\w\u093c\u094d])")


def line_of(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def avoided_words(text: str) -> list[str]:
    text = nfc(text)
    return [f"line {line_of(text, m.start())}: {m[0]} ({a['means_en']}); write the glossary's word for "
            f"{a['use']!r} instead" for a in avoided(GLOSSARY) for m in hindi_word(a["hi"]).finditer(text)]


VARIANTS = spelling_variants(GLOSSARY)
ANY_VARIANT = hindi_word(*VARIANTS)
# श + ्र + ृ: the common misspelling of शृंखला (chain), kept out of the repository as a literal
MISSPELT_CHAIN = "\u0936\u094d\u0930\u0943\u0902\u0916\u0932\u093e"


def misspelt_terms(text: str) -> list[str]:
    text = nfc(text)
    return [f"line {line_of(text, m.start())}: {m[0]}, the glossary writes {VARIANTS[m[0]]}"
            for m in ANY_VARIANT.finditer(text)]


def second_forms(text: str) -> list[str]:
    """A second form of a sense written one way (outside its `except` phrases)."""
    text = nfc(text)
    found = []
    for rule in one_form(GLOSSARY):
        allowed = [range(m.start(), m.end()) for e in rule.get("except", []) for m in re.finditer(re.escape(nfc(e)), text)]
        for other in rule["not"]:
            pattern = re.compile(re.escape(nfc(other))) if "(" in other else hindi_word(other)
            found += [f"line {line_of(text, m.start())}: {m[0]}, where the site writes {rule['use']} ({rule['sense']})"
                      for m in pattern.finditer(text) if not any(m.start() in span for span in allowed)]
    return found
