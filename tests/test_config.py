"""Settings: defaults, then the local file, the environment and --set, last wins."""
from __future__ import annotations

import pytest

from onrecord import config
from onrecord.errors import ConfigError


def test_layers_apply_in_order(tmp_path):
    path = tmp_path / "onrecord.toml"
    path.write_text("[run]\nprocesses = 3\ncommit_every = 10\n", encoding="utf-8")
    settings = config.resolve(["run.processes=4"], config_file=path,
                              environ={"ONRECORD_RUN__COMMIT_EVERY": "20", "ONRECORD_COPIES__CONTAINMENT": "0.8"})
    assert settings["run"]["processes"] == 4
    assert settings["run"]["commit_every"] == 20
    assert settings["copies"]["containment"] == 0.8
    assert config.defaults()["run"]["processes"] == 1


@pytest.mark.parametrize("override,message", [
    ("run.process=2", "unknown setting run.process"),
    ("nope.x=1", "unknown setting section 'nope'"),
    ("processes=2", "--set takes section.key=value"),
])
def test_bad_settings_say_what_is_known(override, message):
    with pytest.raises(ConfigError, match=message):
        config.resolve([override], environ={}, use_local_file=False)


def test_values_are_read_as_toml():
    settings = config.resolve(['language.keep=["en", "de"]', "read.max_bytes=1_000"], environ={}, use_local_file=False)
    assert settings["language"]["keep"] == ["en", "de"] and settings["read"]["max_bytes"] == 1000
