"""The output folder: what may be replaced, where the tool keeps its state, and the crash-safe publish.

Rules (each one a promise to the user):
- `--out` is replaced only when it is missing, empty, or recognisably a build of this tool (it holds the
  marker file `MARKER_NAME` or, for builds made before the marker existed, nothing but build outputs) and
  holds nothing else. Anything else is refused before any work: the tool never deletes what it did not make.
- `--out` may not be, contain or lie inside the seeds folder.
- The tool's own state (lock, per-document cache, staging and previous builds) lives in one folder,
  `STATE_DIR_NAME`, beside `--out` (the same file system, so the publish is a rename).
- Publishing is crash-safe: the staged build is fsynced (files, then folders), then exchanged with the
  old build in one atomic `renameat2(RENAME_EXCHANGE)` where the kernel offers it; elsewhere two renames,
  and the next build rolls a half-done swap back before it starts. Leftovers of dead builds are removed
  at the next build. At every moment `--out` is either the old complete build or the new one.
- Folders and files are created with the user's umask (not mkdtemp's 0700 / mkstemp's 0600).

Hand-written because no maintained library publishes a folder atomically with these checks.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from filelock import FileLock, Timeout

from corpus.errors import BuildLockedError, OutputError

STATE_DIR_NAME = ".thinktank-corpus"
MARKER_NAME = ".thinktank-corpus-build"
MARKER_TEXT = "This folder is a build of thinktank-corpus: `corpus build` may replace it as a whole.\n"
BUILD_FILES = frozenset({"README.md", "croissant.json", "datapackage.json", "rejects.json", MARKER_NAME})


def _build_entries() -> frozenset[str]:
    from corpus.records import TABLES

    return BUILD_FILES | frozenset(TABLES)


def state_dir(out: Path) -> Path:
    """The folder that holds the tool's own state for builds into `out` (lock, cache, staging)."""
    return _absolute(out).parent / STATE_DIR_NAME


def _absolute(path: Path) -> Path:
    """An absolute path with `..` and links of the parents resolved (the last part itself is kept as is)."""
    path = Path(os.path.abspath(path))
    return path.parent.resolve() / path.name if path.name else path.resolve()


# --- what may be replaced ---------------------------------------------------------------------------


def check_output_target(out: Path, seeds: Path | None = None) -> None:
    """Refuse (OutputError) an `--out` whose replacement could destroy something the tool did not make."""
    target = _absolute(out)
    if not target.name or target == Path(target.anchor):
        raise OutputError(out, "out-not-allowed", "the file system root cannot be an output folder")
    if seeds is not None:
        source = seeds.resolve()
        if target == source or target.is_relative_to(source):
            raise OutputError(out, "out-inside-seeds", f"the output folder may not be or lie inside the seeds folder {seeds}")
        if source.is_relative_to(target):
            raise OutputError(out, "out-contains-seeds", f"the output folder would contain the seeds folder {seeds}; choose another --out")
    for parent in target.parents:
        if parent.exists() and not parent.is_dir():
            raise OutputError(out, "out-parent-not-folder", f"{parent} is a file, not a folder")
        if parent.exists():
            break
    if target.is_symlink():
        raise OutputError(out, "out-is-link", "the output folder is a symbolic link; give the folder it points to")
    if not target.exists():
        return
    if not target.is_dir():
        raise OutputError(out, "out-not-a-build", "exists and is a file, not a build folder; choose another --out")
    if os.path.ismount(target) or target == Path.cwd() or Path.cwd().is_relative_to(target):
        raise OutputError(out, "out-not-a-build", "is the current folder, one of its parents or a mount point; choose a subfolder such as build")
    problem = not_a_build(target)
    if problem:
        raise OutputError(out, "out-not-a-build", f"{problem}; the tool only replaces its own builds: choose another --out")


def not_a_build(folder: Path) -> str | None:
    """Why `folder` is not a build this tool may replace (None: it may)."""
    try:
        names = sorted(os.listdir(folder))
    except OSError as err:
        return f"cannot be read ({err.strerror})"
    if not names:
        return None
    foreign = [n for n in names if n not in _build_entries()]
    if foreign:
        return f"holds files this tool did not write (e.g. {foreign[0]!r})"
    if MARKER_NAME in names:
        return None
    if "README.md" in names and "documents" in names:  # a build made before the marker existed
        return None
    return "is not a build of this tool (no marker file)"


# --- the tool's state: lock, leftovers -------------------------------------------------------------


@contextmanager
def build_lock(out: Path, timeout: float = 0) -> Iterator[None]:
    """Hold an exclusive lock on `out` so two builds into one folder never interleave."""
    state = state_dir(out)
    make_folder(state)
    lock = FileLock(str(state / f"{_absolute(out).name}.lock"))
    try:
        lock.acquire(timeout=timeout)
    except Timeout as err:
        raise BuildLockedError(f"{out}: another build into this folder is running (lock {lock.lock_file})") from err
    try:
        yield
    finally:
        lock.release()


def _staging_prefix(out: Path) -> str:
    return f"{_absolute(out).name}.staging-"


def _previous_prefix(out: Path) -> str:
    return f"{_absolute(out).name}.previous-"


def _leftovers(out: Path) -> Iterable[Path]:
    """Staging and previous folders of builds into `out` that did not finish (also the old hidden names)."""
    target = _absolute(out)
    state = state_dir(out)
    if state.is_dir():
        for path in state.iterdir():
            if path.name.startswith((_staging_prefix(out), _previous_prefix(out))) and path.is_dir():
                yield path
    for path in target.parent.glob(f".{target.name}-*"):  # names used by versions before STATE_DIR_NAME
        if path.name.startswith((f".{target.name}-staging-", f".{target.name}-previous-")) and path.is_dir() and not not_a_build(path):
            yield path


def recover(out: Path) -> list[str]:
    """Finish what a dead build left (call with the lock held): restore `out` if a swap stopped between
    its two renames, then remove the leftovers. Returns what was done, one line each."""
    target = _absolute(out)
    done: list[str] = []
    leftovers = sorted(_leftovers(out))
    if not target.exists():
        previous = [p for p in leftovers if (p.name.startswith(_previous_prefix(out)) or "-previous-" in p.name) and not not_a_build(p)]
        if previous:
            os.replace(previous[-1], target)
            _fsync_folder(target.parent)
            leftovers.remove(previous[-1])
            done.append(f"restored {target} from an interrupted build")
    for path in leftovers:
        shutil.rmtree(path, ignore_errors=True)
        done.append(f"removed {path.name} left by an interrupted build")
    return done


@contextmanager
def staging_folder(out: Path) -> Iterator[Path]:
    """A fresh folder in the state folder to build into; removed on any failure, so `out` is never touched."""
    state = state_dir(out)
    make_folder(state)
    staging = Path(tempfile.mkdtemp(prefix=_staging_prefix(out), dir=state))
    try:
        os.chmod(staging, _mode(0o777))
        yield staging
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


# --- the publish -----------------------------------------------------------------------------------


def publish(staging: Path, out: Path) -> None:
    """Make `staging` the build at `out`: marker, fsync, then an atomic exchange (or rename) of folders."""
    target = _absolute(out)
    check_output_target(target)  # again, with the lock held: the folder may have changed since the start
    (staging / MARKER_NAME).write_text(MARKER_TEXT, encoding="utf-8")
    fsync_tree(staging)
    if not target.exists():
        os.rename(staging, target)
    elif _exchange(staging, target):
        shutil.rmtree(staging, ignore_errors=True)  # now the old build; a crash here leaves a leftover only
    else:
        previous = staging.parent / f"{_previous_prefix(out)}{staging.name.rsplit('-', 1)[-1]}"
        os.replace(target, previous)  # a crash between these two renames is rolled back by `recover`
        os.replace(staging, target)
        shutil.rmtree(previous, ignore_errors=True)
    _fsync_folder(target.parent)


@cache
def _renameat2():  # noqa: ANN202 - a ctypes function or None
    if not hasattr(os, "O_DIRECTORY"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        function = libc.renameat2
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    function.restype = ctypes.c_int
    return function


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    """Atomically exchange two paths (Linux renameat2); False when the system or file system cannot."""
    function = _renameat2()
    if function is None:
        return False
    if function(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def fsync_tree(folder: Path) -> None:
    """Flush every file, then every folder below `folder` (deepest first), to stable storage."""
    folders = [folder]
    for root, dirs, files in os.walk(folder):
        for name in files:
            fd = os.open(os.path.join(root, name), os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        folders.extend(Path(root, d) for d in dirs)
    for path in reversed(folders):
        _fsync_folder(path)


def _fsync_folder(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot fsync a folder; the files themselves were flushed
    finally:
        os.close(fd)


# --- files and folders with the user's umask -------------------------------------------------------


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _mode(bits: int) -> int:
    return bits & ~_umask()


def make_folder(path: Path) -> None:
    path.mkdir(parents=True, exist_ok=True)


def replace_file(path: Path, content: str) -> None:
    """Write `content` to `path` atomically (temp file + fsync + rename), readable as the umask allows."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _mode(0o666))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
