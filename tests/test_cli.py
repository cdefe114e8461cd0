import subprocess
import sys


def run(*args):
    return subprocess.run([sys.executable, "-m", "newsfacts", *args], capture_output=True, text=True)


def test_summary_of_seeds(tmp_path):
    from conftest import SEEDS

    result = run(str(SEEDS))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split()[:3] == ["id", "lang", "date"]
    row = next(line for line in lines if line.startswith("000_c6fa68117381cad0"))
    assert row.split()[1:3] == ["fr", "2021-01"]
    assert "5 articles (3 en, 2 fr)" in result.stdout


def test_clear_errors_without_traceback(tmp_path):
    result = run(str(tmp_path / "missing"))
    assert result.returncode == 2
    assert "newsfacts: error:" in result.stderr and "Traceback" not in result.stderr
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "ok"}\nnot json\n', encoding="utf-8")
    result = run(str(bad))
    assert result.returncode == 2 and "line 2" in result.stderr and "Traceback" not in result.stderr
    result = run(str(bad), "--skip-errors")
    assert result.returncode == 0 and "1 skipped" in result.stdout
    assert result.stdout.count("line 2") == 1 and f"  {bad}, line 2: malformed JSON" in result.stdout


def test_decode_errors_name_the_flag(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"caf\xe9")
    result = run(str(bad))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"{bad}: not valid UTF-8 at byte 3" in result.stderr
    assert "--encoding-errors replace" in result.stderr and "encoding_errors=" not in result.stderr
    assert run(str(bad), "--encoding-errors", "replace").returncode == 0


def test_tokens_command():
    from conftest import SEEDS

    result = run("tokens", str(SEEDS), "--doc", "000_c6fa68117381cad0")
    assert result.returncode == 0
    first = result.stdout.splitlines()[0].split("\t")
    assert first[3:] == ["word", "Comme"]
