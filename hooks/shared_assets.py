"""Files outside the language folders (docs/assets/: stylesheets, figures) exist once, at the root.

With `fallback_to_default: false`, static-i18n drops every file outside docs/hi/ from the
Hindi build, so a Hindi page's `../assets/figures/x.svg` resolved to nothing and pointed at
`hi/assets/…`, which is never written. This hook puts those files back, at their root
address, so pages of every language link to the one copy.
"""
from mkdocs.plugins import CombinedEvent, event_priority

_shared = []


@event_priority(0)  # before static-i18n's on_files (-100): remember the files it may drop
def _remember_shared(files, config):
    languages = {lang.locale for lang in config.plugins["i18n"].config.languages}
    _shared[:] = [f for f in files
                  if f.src_uri.split("/", 1)[0] not in languages and not f.is_documentation_page()
                  and f.abs_src_path and f.src_dir == config.docs_dir]
    return files


@event_priority(-110)  # after it: put back what it dropped
def _restore_shared(files, config):
    present = {f.src_uri for f in files}
    for file in _shared:
        if file.src_uri not in present:
            files.append(file)
    return files


on_files = CombinedEvent(_remember_shared, _restore_shared)
