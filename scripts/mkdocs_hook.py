"""Thin glue to MkDocs: regenerate content/ from errors.yaml before each build or serve rebuild, and
put the Markdown twins beside the pages and the Content-Security-Policy into them after it.

Nothing else in the project imports MkDocs. Another site engine runs `python scripts/kb.py generate`
before its build and `python scripts/kb.py postbuild site/` after it instead.
"""
import subprocess
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[1]


def on_pre_build(config, **kwargs):
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "kb.py"), "generate", "--if-changed"], capture_output=True, text=True)
    if result.returncode != 0:
        # One line per problem, already naming file, line and entry; `mkdocs serve` keeps running.
        raise PluginError("errors.yaml has problems; the site was not regenerated:\n" + result.stderr)


def on_post_build(config, **kwargs):
    sys.path.insert(0, str(ROOT / "scripts"))
    from kblib import postbuild

    postbuild.run(config["site_dir"])


def on_serve(server, config, builder, **kwargs):
    server.watch(str(ROOT / "errors.yaml"))
    server.watch(str(ROOT / "scripts" / "templates"))
    return server
