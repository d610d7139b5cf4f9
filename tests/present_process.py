"""``sphinx-impress present`` run as a separate process by the tests, on the loopback
address only (``--host 127.0.0.1``, a free port): its URLs read from standard output,
its standard error followed line by line, Ctrl-C sent as SIGINT."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

#: Upper bound (s) for the command to start and for one build to be reported.
START_TIMEOUT = 60.0
BUILD_TIMEOUT = 30.0


class PresentProcess:
    """``python -m sphinx_impress.cli present SOURCE --no-browser --host 127.0.0.1
    --port PORT [extra...]``; :attr:`urls` are the lines it printed on standard
    output once it serves."""

    def __init__(
        self, source: Path, *extra: str, port: int = 0, env: dict[str, str] | None = None
    ) -> None:
        command = [
            sys.executable,
            "-m",
            "sphinx_impress.cli",
            "present",
            str(source),
            "--no-browser",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            *extra,
        ]
        self.process = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, **(env or {})},
        )
        self.stdout: list[str] = []
        self.stderr: list[str] = []
        self._changed = threading.Condition()
        for stream, lines in (
            (self.process.stdout, self.stdout),
            (self.process.stderr, self.stderr),
        ):
            threading.Thread(target=self._read, args=(stream, lines), daemon=True).start()
        self.wait_for(r"\(Ctrl-C stops\)", START_TIMEOUT)
        # the URLs were printed before that line, on the other stream
        expected = 2 if "--remote" in extra else 1
        deadline = time.monotonic() + BUILD_TIMEOUT
        with self._changed:
            while len(self.urls) < expected and time.monotonic() < deadline:
                self._changed.wait(0.2)

    def _read(self, stream, lines: list[str]) -> None:
        for line in stream:
            with self._changed:
                lines.append(line.rstrip("\n"))
                self._changed.notify_all()
        with self._changed:
            self._changed.notify_all()

    def wait_for(self, pattern: str, timeout: float = BUILD_TIMEOUT, after: int = 0) -> str:
        """Wait for a line of standard error matching ``pattern`` (from line ``after``
        on); the line."""
        regex = re.compile(pattern)
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                for line in self.stderr[after:]:
                    if regex.search(line):
                        return line
                remaining = deadline - time.monotonic()
                if remaining <= 0 or (self.process.poll() is not None and not self._open()):
                    raise AssertionError(
                        f"no line matching {pattern!r} from sphinx-impress present "
                        f"(exit {self.process.poll()}):\n" + "\n".join(self.stderr[-40:])
                    )
                self._changed.wait(min(remaining, 0.5))

    def _open(self) -> bool:
        return any(not s.closed for s in (self.process.stdout, self.process.stderr) if s)

    def builds(self) -> int:
        """How many builds were reported so far (built or failed)."""
        return sum(1 for line in self.stderr if re.search(r": (built in|build failed)", line))

    def wait_build(self, before: int, timeout: float = BUILD_TIMEOUT) -> str:
        """Wait until more than ``before`` builds were reported; the last report."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while self.builds() <= before:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError("no build reported:\n" + "\n".join(self.stderr[-40:]))
                self._changed.wait(min(remaining, 0.5))
            return [line for line in self.stderr if re.search(r": (built in|build failed)", line)][
                -1
            ]

    @property
    def urls(self) -> list[str]:
        return [line for line in self.stdout if line.startswith("http")]

    @property
    def page_url(self) -> str:
        return self.urls[0]

    @property
    def remote_url(self) -> str:
        return next(u for u in self.urls if "/_present/remote" in u)

    @property
    def base(self) -> str:
        match = re.match(r"^(http://[^/]+)", self.page_url)
        assert match is not None
        return match[1]

    def interrupt(self, timeout: float = 30.0) -> int:
        """Ctrl-C: SIGINT, then wait; the exit status."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        return self.process.wait(timeout)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def write_deck(path: Path, slides: int, notes: bool = True, marker: str = "") -> str:
    """Write a MyST deck of ``slides`` slides (``## Slide n``, with notes on each when
    ``notes``); ``marker`` goes into slide 2's text. Returns the text."""
    parts = ["# The deck\n\nThe first step.\n"]
    for number in range(1, slides + 1):
        parts.append(
            f"## Slide {number}\n\nText of slide {number}{marker if number == 2 else ''}.\n"
        )
        if notes:
            parts.append(f"```{{notes}}\nSpeaker notes of slide {number}.\n```\n")
    text = "\n".join(parts)
    path.write_text(text, encoding="utf-8")
    return text
