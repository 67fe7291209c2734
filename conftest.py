"""pytest's setup for the whole repository: the doc tests (tools/pytest_doctests.py), for
`pytest docs/...` as much as for `pytest tests/...`."""
pytest_plugins = ["tools.pytest_doctests"]
