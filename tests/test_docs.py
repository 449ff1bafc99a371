"""Every command is documented: help with an example, and a line in the README."""

import inspect
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli import app

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(
    c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands
)
runner = CliRunner()


def test_there_are_commands() -> None:
    assert {"validate", "list", "schema"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_has_help_ending_with_an_example(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert f"Example: timeline {command}" in result.stdout


def _example(command: str) -> str:
    """The last line of the command's docstring (its --help), which must be its example."""
    (callback,) = [
        c.callback for c in app.registered_commands if (c.name or c.callback.__name__) == command
    ]
    return inspect.cleandoc(callback.__doc__ or "").splitlines()[-1]


@pytest.mark.parametrize("command", COMMANDS)
def test_each_commands_help_ends_with_its_example(command: str) -> None:
    assert _example(command).startswith(f"Example: timeline {command} ")


@pytest.mark.parametrize("command", COMMANDS)
def test_the_readme_table_gives_each_command_with_the_example_of_its_help(command: str) -> None:
    (row,) = [line for line in README.splitlines() if line.startswith(f"| `timeline {command}` |")]
    example = _example(command).removeprefix("Example: ")
    assert row.endswith(f"| `{example}` |")


def test_readme_starts_with_the_two_setup_commands() -> None:
    block = README.split("```sh\n", 1)[1].split("```", 1)[0]
    assert "pip install . && timeline render" in block
    assert "bash .ci/run" in block


def test_the_readme_python_examples_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code = "\n".join(block.split("```", 1)[0] for block in README.split("```python\n")[1:])
    (tmp_path / "events.yaml").write_bytes(
        (Path(__file__).resolve().parent.parent / "events.yaml").read_bytes()
    )
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {}
    exec(compile(code, "README.md", "exec"), namespace)
    assert (tmp_path / "exports" / "timeline.html").stat().st_size > 1_000_000
    assert namespace["mentions"]


def test_the_readme_yaml_example_is_a_valid_events_file() -> None:
    from timeline.io import loads

    example = README.split("```yaml\n", 1)[1].split("```", 1)[0]
    assert len(loads(example).events) == 2
