"""Package build hook (pyproject.toml holds the metadata): the built package carries the paste-search index,
generated from errors.yaml exactly as the site's, in kblib/index/."""
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


class BuildWithIndex(build_py):
    def run(self):
        super().run()
        sys.path.insert(0, str(ROOT / "scripts"))
        from kblib import generate
        from kblib.loader import load

        files = generate.paste_index(load(ROOT / "errors.yaml"), generate.environment(), {})
        target = Path(self.build_lib) / "kblib" / "index"
        target.mkdir(parents=True, exist_ok=True)
        for path, text in files.items():
            (target / path.rsplit("/", 1)[1]).write_text(text, encoding="utf-8")


setup(cmdclass={"build_py": BuildWithIndex})
