"""Let MkDocs treat .ipynb files as pages, so mkdocs-jupyter renders them under
mkdocs-static-i18n instead of copying raw JSON (mkdocs-static-i18n issue 198)."""
import mkdocs.utils

if ".ipynb" not in mkdocs.utils.markdown_extensions:
    mkdocs.utils.markdown_extensions = (*mkdocs.utils.markdown_extensions, ".ipynb")
