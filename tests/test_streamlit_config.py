"""`streamlit run app.py` is as quiet as `make run`: the defaults live in .streamlit/config.toml,
which git keeps (only secrets.toml is ignored)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / ".streamlit" / "config.toml"
EXPECTED = {
    ("browser", "gatherUsageStats"): False,
    ("server", "headless"): True,
    ("server", "fileWatcherType"): "none",
    ("client", "toolbarMode"): "minimal",
}


def test_the_config_file_sets_the_quiet_defaults():
    config = tomllib.loads(CONFIG.read_text(encoding="utf-8"))
    for (section, key), value in EXPECTED.items():
        assert config[section][key] == value, f"[{section}] {key}"


def test_streamlit_reads_them_as_its_own_options(monkeypatch: pytest.MonkeyPatch):
    from streamlit import config

    monkeypatch.chdir(ROOT)  # Streamlit reads .streamlit/config.toml from the working folder
    options = config.get_config_options(force_reparse=True)
    try:
        for (section, key), value in EXPECTED.items():
            option = options[f"{section}.{key}"]  # a misspelt key would be no option at all
            assert option.value == value and option.where_defined == str(CONFIG)
    finally:
        config.get_config_options(force_reparse=True)


def test_git_ignores_only_the_secrets_in_the_streamlit_folder():
    ignored = [
        line.strip()
        for line in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
        if ".streamlit" in line and not line.lstrip().startswith("#")
    ]
    assert ignored == [".streamlit/secrets.toml"]
