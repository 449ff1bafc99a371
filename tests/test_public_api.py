"""The curated public API (timeline.__all__)."""

import subprocess
import sys

import timeline


def test_all_lists_exactly_the_public_names() -> None:
    public = {
        name
        for name, value in vars(timeline).items()
        if not name.startswith("_") and not isinstance(value, type(timeline))
    }
    assert set(timeline.__all__) - {"__version__"} == public


def test_all_is_sorted() -> None:
    assert timeline.__all__ == sorted(timeline.__all__)


def test_importing_the_package_and_its_cli_does_not_import_plotly() -> None:
    code = "import sys, timeline, timeline.cli; print('plotly' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
