"""``sphinx-impress present``: live preview of presentations in a warm process, and
a phone as remote.

- :mod:`.source`: what SOURCE is (a project with ``conf.py``, or one file of slides)
  and the Sphinx settings a one-file talk is built with;
- :mod:`.build`: the Sphinx application kept warm, rebuilding what changed, and the
  warnings and errors of each build, per document;
- :mod:`.pages`: what the server changes in a page it serves (the live script, speaker
  notes left out) and what it reads from one (steps, titles, notes);
- :mod:`.watch`: the file watcher;
- :mod:`.server`: the HTTP and WebSocket server, the pages following the presenter,
  and the remote;
- ``static/``: the scripts and style sheets of the live page and of the remote.
"""
