"""Every command, setting and rejection code is documented (sqlite-utils' test_docs habit)."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from marsad.cli import cli
from marsad.errors import Reasons
from marsad.settings import SETTINGS

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = "") -> list[str]:
    out = []
    for name, command in group.commands.items():
        full = f"{prefix}{name}"
        if isinstance(command, click.Group):
            out.extend(_commands(command, full + " "))
        else:
            out.append(full)
    return out


@pytest.mark.parametrize("command", _commands(cli))
def test_docs_every_command_in_readme_and_has_help(command):
    assert f"marsad {command}" in README, f"README lacks `marsad {command}`"
    result = CliRunner().invoke(cli, [*command.split(), "--help"])
    assert result.exit_code == 0 and "Usage:" in result.output


@pytest.mark.parametrize("name", [s[0] for s in SETTINGS])
def test_docs_every_setting_documented(name):
    assert f"MARSAD_{name.upper()}" in README


@pytest.mark.parametrize("code", [v[0] for k, v in vars(Reasons).items() if k.isupper()])
def test_docs_every_rejection_code_documented(code):
    assert code in README


def test_docs_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    test_line = [line for line in ci.splitlines() if line.startswith("make ")][-1]
    assert test_line in README
