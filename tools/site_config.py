"""mkdocs.yml as plain data, for the tests and the notebook generator."""
from pathlib import Path

import yaml
from yaml_env_tag import construct_env_tag

from tools.page import ROOT


class _IgnoreTags(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml's parser where PyYAML has it
    """mkdocs.yml may hold tags like !!python/name:...; only plain values are needed, and
    `!ENV VAR` is the variable's value, as mkdocs reads it (None when unset)."""


_IgnoreTags.add_multi_constructor("", lambda loader, tag, node: None)
_IgnoreTags.add_constructor("!ENV", construct_env_tag)


def mkdocs_config(root: Path = ROOT) -> dict:
    return yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_IgnoreTags)
