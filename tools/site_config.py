"""mkdocs.yml as plain data, for the tests and the notebook generator."""
from pathlib import Path

import yaml

from tools.doctests import ROOT


class _IgnoreTags(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml's parser where PyYAML has it
    """mkdocs.yml may hold tags like !!python/name:...; only plain values are needed."""


_IgnoreTags.add_multi_constructor("", lambda loader, tag, node: None)


def mkdocs_config(root: Path = ROOT) -> dict:
    return yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_IgnoreTags)
