"""binder/environment.yml, generated from binder/requirements.txt (the one list of pinned Python packages).

repo2docker caches the conda environment layer only when environment.yml stands alone: a ``-r
requirements.txt`` inside it makes repo2docker copy the whole repository first, so every commit would
rebuild the environment. So environment.yml spells the pins out, and this module writes them there.

    PYTHONPATH=lib/py python3 -m coursekit.binderenv          # rewrite binder/environment.yml
    PYTHONPATH=lib/py python3 -m coursekit.binderenv --check  # exit 1 if it is out of date
"""
from __future__ import annotations

import sys

from . import paths

BINDER = paths.ROOT / "binder"
REQUIREMENTS = BINDER / "requirements.txt"
ENVIRONMENT = BINDER / "environment.yml"

HEADER = """\
# GENERATED from binder/requirements.txt: edit that file, then run
#   PYTHONPATH=lib/py python3 -m coursekit.binderenv
# (the tests fail while the two disagree). The pins are spelled out, not `-r requirements.txt`, so that
# repo2docker caches this environment instead of rebuilding it on every commit.
# Binder (repo2docker) image: a JDK 25 from conda-forge (the Maven wrapper fetches its own pinned Maven)
# and the same pinned Python packages ./course installs locally.
name: course
channels:
  - conda-forge
dependencies:
  - python=3.11
  - openjdk=25
  - pip
  - pip:
"""


def pins() -> list[str]:
    """The requirement lines of requirements.txt, without comments and blank lines."""
    out = []
    for line in REQUIREMENTS.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


def render() -> str:
    return HEADER + "".join(f"      - {p}\n" for p in pins())


def in_sync() -> bool:
    return ENVIRONMENT.is_file() and ENVIRONMENT.read_text() == render()


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if "--check" in argv:
        if in_sync():
            print(f"{ENVIRONMENT.relative_to(paths.ROOT)} matches {REQUIREMENTS.relative_to(paths.ROOT)}")
            return 0
        print(f"{ENVIRONMENT.relative_to(paths.ROOT)} is out of date with {REQUIREMENTS.relative_to(paths.ROOT)}: "
              "run PYTHONPATH=lib/py python3 -m coursekit.binderenv", file=sys.stderr)
        return 1
    ENVIRONMENT.write_text(render())
    print(f"wrote {ENVIRONMENT.relative_to(paths.ROOT)} ({len(pins())} pinned packages)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
