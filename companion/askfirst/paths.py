"""Where the companion keeps its files: one data folder, private to the user.

`ASKFIRST_DATA_DIR` wins, then the platform's user data folder (platformdirs). The folder
and its `secrets/` subfolder are created 0700 so other local users cannot read the
database, the pairing code or a fallback token file.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False  # typing and pathlib load only when needed: `askfirst today` names a file, no more
if TYPE_CHECKING:
    from pathlib import Path

APP_NAME = "askfirst"
DB_NAME = "askfirst.db"


def data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The data folder, created (0700) if missing."""
    from pathlib import Path

    path = Path(data_dir_name(explicit))
    _private_dir(path)
    return path


def data_dir_name(explicit: str | os.PathLike[str] | None = None) -> str:
    """The data folder's absolute name, neither created nor checked."""
    chosen = explicit or os.environ.get("ASKFIRST_DATA_DIR") or _platform_data_dir()
    return os.path.realpath(os.path.expanduser(chosen))


def _platform_data_dir() -> str:
    import platformdirs  # only when no folder is given: keeps `askfirst today` quick to start

    return platformdirs.user_data_dir(APP_NAME)


def db_path(root: Path) -> Path:
    return root / DB_NAME


def secrets_dir(root: Path) -> Path:
    path = root / "secrets"
    _private_dir(path)
    return path


def _private_dir(path: Path) -> None:
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    # mkdir's mode is masked by the umask and ignored for existing folders.
    if path.stat().st_mode & 0o077:
        os.chmod(path, 0o700)


def write_private(path: Path, text: str) -> None:
    """Write a small file readable by the owner only, atomically (rename into place)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
