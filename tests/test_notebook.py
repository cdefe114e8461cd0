"""The tour notebook runs from top to bottom and shows the key facts (so it cannot rot)."""

import os
import shutil
from pathlib import Path

import pytest

nbclient = pytest.importorskip("nbclient", reason="nbclient is not installed (pip install '.[test]')")
nbformat = pytest.importorskip("nbformat")
pytest.importorskip("ipykernel", reason="ipykernel is not installed (pip install '.[test]')")
pytest.importorskip("matplotlib", reason="matplotlib is not installed (pip install '.[test]')")

TOUR = Path(__file__).resolve().parent.parent / "examples" / "newsfacts-tour.ipynb"


def _outputs(cell) -> str:
    parts = []
    for output in cell.get("outputs", []):
        parts.append(output.get("text", ""))
        data = output.get("data", {})
        parts.append(data.get("text/html", "") + data.get("text/plain", ""))
    return "".join(parts)


def test_the_tour_runs_and_shows_the_key_facts(tmp_path):
    notebook = nbformat.read(TOUR, as_version=4)
    client = nbclient.NotebookClient(notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}})
    client.execute()
    code = [c for c in notebook.cells if c.cell_type == "code"]
    out = [_outputs(c) for c in code]
    assert "000_c6fa68117381cad0" in out[0] and "<table" in out[0]  # the corpus as a table
    assert "FactTable" in out[1] and "Ren Zhengfei" in out[1]  # facts as an HTML table
    assert "quote" in out[2] and "an expert in the field" in out[3]
    assert "nf-k-quote" in out[4] and "South China Morning Post" in out[4]  # the article highlighted
    assert "TermMatrix" in out[5] and "top terms: huawei" in out[6]
    # The chart shows under its cell (no backend forced: the kernel's inline one).
    assert any("image/png" in output.get("data", {}) for output in code[6].outputs)
    assert "Alibaba -> 000: plus de 40%; 001: more than 40% -> agree" in out[7]
    assert "000 001 same story" in out[8]
    # The report goes to a temporary folder, and nothing to the folder the notebook runs in
    # (examples/ in a checkout).
    report = Path(out[9].strip().removeprefix("open "))
    try:
        assert report.name == "report.html" and os.path.getsize(report) > 10_000
        assert list(tmp_path.iterdir()) == []
    finally:
        shutil.rmtree(report.parent, ignore_errors=True)


def test_a_long_run_in_a_notebook_shows_a_bar_and_no_warning(tmp_path):
    """Past the threshold, reading in a notebook draws a bar (a widget with ipywidgets, else
    tqdm's text bar) and no TqdmWarning asking to install ipywidgets."""
    from newsfacts._progress import THRESHOLD

    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        f"import newsfacts as nf\ncorpus = nf.read(['Un texte court.'] * {THRESHOLD})\nprint(len(corpus))")])
    client = nbclient.NotebookClient(notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}})
    client.execute()
    outputs = notebook.cells[0].outputs
    stderr = "".join(o.get("text", "") for o in outputs if o.get("name") == "stderr")
    widget = any("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in outputs)
    assert f"{THRESHOLD}\n" in _outputs(notebook.cells[0])
    assert widget or f"reading:   0%|          | 0/{THRESHOLD}" in stderr
    assert "Warning" not in stderr
