"""Writing output files safely: whole or not at all.

Every file the library writes goes through ``write_atomic``: the bytes go to a temporary file
in the same folder, are flushed to disk, and the temporary file is then renamed over the target
(``os.replace`` is atomic on POSIX and Windows). An interrupted run leaves the previous file
intact, never half of a new one.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from timeline.errors import RenderError


def write_atomic(path: str | Path, data: str | bytes) -> Path:
    """Write ``data`` to ``path`` atomically, creating parent folders; return the path.

    Raises:
        RenderError: the folder cannot be created or written, with the path and the reason.
    """
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.is_dir():
            raise RenderError(f"cannot write {str(target)!r}: it is a directory")
        fd, temp_name = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
        )
    except OSError as err:
        raise RenderError(f"cannot write {str(target)!r}: {err.strerror}") from err
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        # A replaced file keeps its permissions; a new one gets the usual rw-r--r--.
        mode = target.stat().st_mode & 0o7777 if target.exists() else 0o644
        os.chmod(temp_name, mode)
        os.replace(temp_name, target)
    except OSError as err:
        Path(temp_name).unlink(missing_ok=True)
        raise RenderError(f"cannot write {str(target)!r}: {err.strerror}") from err
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return target
