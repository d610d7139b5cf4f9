"""Writing a file of the output the way every writer of this package does."""

from __future__ import annotations

import os
from pathlib import Path


def write_if_changed(target: Path, data: bytes) -> bool:
    """Write ``data`` to ``target`` unless it holds those bytes already; whether it
    wrote. The folder is made first. Parallel writers (``-j``) may write the same file:
    each writes a copy of its own and swaps it in (``os.replace`` is atomic), so no
    reader sees half a file."""
    if target.is_file() and target.read_bytes() == data:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    partial.write_bytes(data)
    os.replace(partial, target)
    return True
