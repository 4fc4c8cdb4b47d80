"""The analysis never touches the network: textstat's dictionary comes with the install.

textstat would otherwise make nltk download `cmudict` on first use. These tests run the
real `askfirst check` in a fresh process with an empty home folder, with every socket
connection refused, and (where the machine allows it) in a network namespace with no
network at all.
"""

import json
import os
import shutil
import subprocess
import sys
import textwrap

import pytest

DRAFT = "Hi Sam, we help companies like yours grow revenue by 30%. Do you have 15 minutes this week?"

# Runs the CLI with socket connections turned into errors, so any attempt is loud.
NO_SOCKETS = textwrap.dedent("""
    import socket, sys
    def refuse(*args, **kwargs):
        raise SystemExit("network access attempted: %r" % (args,))
    socket.socket.connect = refuse
    socket.socket.connect_ex = refuse
    socket.create_connection = refuse
    socket.getaddrinfo = refuse
    sys.argv = ["askfirst", "check", "--json"]
    from askfirst.cli import main
    main()
""")


def fresh_env(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NLTK", "XDG"))}
    env.update(HOME=str(home), NLTK_DATA=str(tmp_path / "nltk_data"), XDG_DATA_HOME=str(home / ".local/share"))
    return env, home


def run(cmd, env):
    return subprocess.run(cmd, input=DRAFT.encode(), capture_output=True, env=env, timeout=60)


def assert_judged_offline(proc, home, tmp_path):
    assert proc.returncode == 1, proc.stderr.decode()
    result = json.loads(proc.stdout)
    assert result["verdict"] in ("pitch_heavy", "ask_first")
    assert isinstance(result["metrics"]["flesch_reading_ease"], float)
    assert not (tmp_path / "nltk_data").exists()
    assert not any(p.name == "nltk_data" for p in home.rglob("*"))


def test_check_works_with_sockets_refused_and_an_empty_home(tmp_path):
    env, home = fresh_env(tmp_path)
    proc = run([sys.executable, "-c", NO_SOCKETS], env)
    assert_judged_offline(proc, home, tmp_path)


@pytest.mark.skipif(shutil.which("unshare") is None, reason="needs util-linux unshare")
def test_check_works_with_the_network_cut_off(tmp_path):
    env, home = fresh_env(tmp_path)
    probe = subprocess.run(["unshare", "-rn", "true"], capture_output=True)
    if probe.returncode != 0:
        probe = subprocess.run(["unshare", "-n", "true"], capture_output=True)
        prefix = ["unshare", "-n"]
    else:
        prefix = ["unshare", "-rn"]
    if probe.returncode != 0:
        pytest.skip("this machine does not allow a private network namespace")
    proc = run(prefix + [sys.executable, "-m", "askfirst", "check", "--json"], env)
    assert_judged_offline(proc, home, tmp_path)


def test_a_syllable_count_comes_from_the_bundled_dictionary():
    from askfirst.analysis.readability import syllable_table

    table = syllable_table()
    assert len(table["opportunity"][0]) == 5
    assert len(table["cat"][0]) == 1
