import json
import subprocess
import sys

KEYS = {"path", "title", "title_derived", "date", "date_precision", "source", "countries", "primary_countries",
        "people", "organizations", "topics", "summary", "key_figures", "events"}


def test_extract_prints_one_record_per_file_and_writes_nothing(root, tmp_path):
    sources = sorted(str(p.relative_to(root)) for p in (root / "sources").glob("*.txt"))
    before = sorted(p.name for p in tmp_path.iterdir())
    out = subprocess.run([sys.executable, "-m", "generator", "--root", str(root), "extract", "--format", "json", *sources],
                         cwd=root, capture_output=True, text=True, check=True)
    records = json.loads(out.stdout)
    assert [r["path"] for r in records] == sources
    assert all(set(r) == KEYS for r in records)
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_extract_yaml_and_a_missing_file(root):
    out = subprocess.run([sys.executable, "-m", "generator", "--root", str(root), "extract", "--format", "yaml",
                          "sources/004_ad36e5a10f87839d.txt", "no-such-file.txt"],
                         cwd=root, capture_output=True, text=True)
    assert out.returncode == 1
    assert "no-such-file.txt" in out.stderr
    assert "title: Ministers of Defense of Azerbaijan and China meet in Beijing" in out.stdout
