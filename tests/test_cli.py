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


def _briefing(*arguments, cwd):
    return subprocess.run([sys.executable, "-m", "generator", *arguments], cwd=cwd, capture_output=True, text=True)


def test_root_may_follow_the_command(project):
    assert _briefing("--root", str(project), "generate", cwd=project.parent).returncode == 0
    after = _briefing("status", "--root", str(project), cwd=project.parent)
    before = _briefing("--root", str(project), "status", cwd=project.parent)
    assert after.returncode == before.returncode == 0
    assert after.stdout == before.stdout and "broken pages: 0" in after.stdout


def test_a_missing_briefing_folder_is_named_as_such(tmp_path):
    out = _briefing("--root", str(tmp_path / "nowhere"), "generate", cwd=tmp_path)
    assert out.returncode == 2
    assert out.stderr.strip() == f"error: {tmp_path / 'nowhere'}: no such folder (--root names a briefing folder)"


def test_extract_with_a_broken_taxonomy_names_it(project):
    (project / "taxonomy.yml").write_text("topics: [\n", encoding="utf-8")
    out = _briefing("extract", "sources/004_ad36e5a10f87839d.txt", cwd=project)
    assert out.returncode == 2
    assert "Traceback" not in out.stderr and "taxonomy.yml:2: not valid YAML" in out.stderr


def test_a_yaml_error_in_front_matter_names_its_line(project):
    assert _briefing("generate", cwd=project).returncode == 0
    page = sorted((project / "content" / "articles").glob("*.md"))[0]
    lines = page.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("source:"))
    lines[at] = lines[at].rstrip("\n") + " : : [\n"
    page.write_text("".join(lines), encoding="utf-8")
    out = _briefing("generate", cwd=project)
    assert f"error: content/articles/{page.name}:{at + 1}: front matter: not valid YAML" in out.stderr


def test_version_and_each_command_describes_itself(tmp_path):
    from generator import __version__

    assert _briefing("--version", cwd=tmp_path).stdout.strip() == f"briefing {__version__}"
    for command in ("generate", "build", "status", "extract"):
        shown = _briefing(command, "--help", cwd=tmp_path)
        assert shown.returncode == 0
        description = shown.stdout.split("\n\n")[1]
        assert len(description.split()) >= 8 and description[0].isupper(), (command, description)
