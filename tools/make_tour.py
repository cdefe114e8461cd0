"""Writes examples/newsfacts-tour.ipynb (without outputs): the tour the test suite executes."""

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

CELLS = [
    new_markdown_cell("# A tour of newsfacts\n\nThe five sample articles (three in English, two in French) "
                      "about Huawei's turn to the cloud: read them, see their facts, check their numbers."),
    new_code_cell("import newsfacts as nf\n\ncorpus = nf.datasets.seeds()   # or nf.read(\"seeds/\")\ncorpus"),
    new_markdown_cell("## Facts as a table\nOne row per fact: kind, text, normalised value, attributes, the rule that found it."),
    new_code_cell("facts = corpus.facts()\nfacts"),
    new_code_cell("table = facts.to_pandas()\ntable.groupby(\"kind\").size().sort_values(ascending=False)"),
    new_code_cell("quotes = facts.kinds(\"quote\").to_pandas()\n"
                  "quotes.assign(speaker=quotes[\"attrs\"].map(lambda a: a[\"speaker\"]))[[\"doc\", \"speaker\", \"text\"]]"),
    new_markdown_cell("## One article, its facts highlighted\nHover a fact for its value and rule; boilerplate is greyed out."),
    new_code_cell("corpus[\"003_1a2823a79a738a36\"]"),
    new_markdown_cell("## The term matrix and a chart"),
    new_code_cell("tm = corpus.term_matrix(weighting=\"tfidf\", min_df=2)\ntm"),
    # No backend is forced: Jupyter's (inline) shows the chart under the cell, and nbclient's
    # kernel uses the same one, headless, when the tests run the tour.
    new_code_cell("import matplotlib.pyplot as plt\n\n"
                  "terms, weights = zip(*tm.top_terms(n=12))\nfig, ax = plt.subplots(figsize=(6, 3.5))\n"
                  "ax.barh(terms[::-1], weights[::-1])\nax.set_title(\"Top TF-IDF terms of the corpus\")\nfig.tight_layout()\n"
                  "print(\"top terms:\", \", \".join(terms[:5]))\nplt.show()"),
    new_markdown_cell("## The claims check\nNumbers that two articles give for the same subject, side by side."),
    new_code_cell("report = nf.report(corpus)\nfor claim in report.data.claims:\n"
                  "    said = \"; \".join(f\"{corpus[r['article']].id[:3]}: {r['text']}\" for r in claim.rows)\n"
                  "    print(claim.subject, \"->\", said, \"->\", \"agree\" if claim.agree else \"DISAGREE\")"),
    new_code_cell("for pair in report.data.stories:\n    a, b = corpus[pair.a].id[:3], corpus[pair.b].id[:3]\n"
                  "    print(a, b, \"same story\" if pair.same else \"related\", pair.score)"),
    new_code_cell("import tempfile\nfrom pathlib import Path\n\n"
                  "# In a new temporary folder: running the tour writes nothing into the repository.\n"
                  "path = report.write(Path(tempfile.mkdtemp()) / \"report.html\")   # the whole report, one self-contained file\n"
                  "print(\"open\", path)"),
]


def main() -> None:
    notebook = new_notebook(cells=CELLS, metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
    path = Path(__file__).resolve().parent.parent / "examples" / "newsfacts-tour.ipynb"
    nbformat.write(notebook, path)
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
