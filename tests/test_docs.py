"""Every Python block of every page, in every language, prints exactly what the page shows."""
import contextlib
import sys

import pytest

from tools.doctests import ROOT, DocTestError, check, pages, parse_page, printed_by, update


def collect():
    params = []
    for page in pages(ROOT / "docs"):
        try:
            blocks = parse_page(page)
        except DocTestError as err:
            params.append(pytest.param(err, id=f"{page.relative_to(ROOT / 'docs').as_posix()}:parse"))
            continue
        params += [pytest.param(b, id=b.test_id) for b in blocks]
    return params


BLOCKS = collect()


def test_the_docs_have_blocks():
    assert len(BLOCKS) > 0, "no Python blocks found under docs/"


@pytest.mark.parametrize("block", BLOCKS)
def test_block_prints_what_the_page_shows(block, request, run_cache, memos):
    if isinstance(block, DocTestError):
        pytest.fail(str(block), pytrace=False)
    device = request.config.getoption("--device")
    same = None
    if device == "cuda":  # compared with the CPU recording as tools/cuda_output.py says
        import torch
        from tools.cuda_output import cpu_random, normalise, same_output

        if not torch.cuda.is_available():
            pytest.skip("CUDA not available")
        if request.config.getoption("--update-outputs"):
            pytest.fail("--update-outputs records CPU output: run it without --device cuda", pytrace=False)
        same = same_output
    try:
        with cpu_random() if same else contextlib.nullcontext():
            printed = printed_by(block, device, run_cache, memos["blocks"])
        if request.config.getoption("--update-outputs"):
            update(block, printed)
        else:
            check(block, normalise(printed) if same else printed, same=same)
    except DocTestError as err:
        pytest.fail(str(err), pytrace=False)


def test_outputs_do_not_depend_on_thread_count(memos):
    """Every block prints the same with one intra-op thread as with the default count."""
    blocks = {b.code: b for (b,) in (p.values for p in BLOCKS) if not isinstance(b, DocTestError)}.values()
    failures = []
    for block in blocks:
        try:
            check(block, printed_by(block, memo=memos["blocks"], threads=1))
        except DocTestError as err:
            failures.append(err)
    torch = sys.modules.get("torch")  # not imported: no block uses torch, so its threads cannot matter
    default = torch.get_num_threads() if torch else "torch not imported"
    assert not failures, "\n\n".join(f"with 1 thread (default {default}): {err}" for err in failures)
