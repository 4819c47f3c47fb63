"""The wire between the grader and a worker: length-prefixed `torch.save` frames.

Why this shape: the worker runs untrusted code, so whatever it sends must be plain data
that cannot execute on arrival. A frame is an 8-byte big-endian length followed by the
bytes of `torch.save(message)`; the grader reads it back with
`torch.load(weights_only=True)`, which rebuilds tensors, numbers, strings, lists, tuples
and dicts and refuses everything else. Frames are capped in size, and the protocol runs on
its own pair of pipes: anything the student's code prints to stdout or stderr means nothing.

A request is `{"op": str, "id": int, ...}`; a reply is `{"ok": True, "value": ..., "id": int}`
or `{"ok": False, "error": {"type": str, "message": str, "where": str}, "id": int}`, with
the id of the request it answers (`student.Student.request` refuses any other).
Objects that are not plain data stay in the worker and cross as `{"__handle__": id,
"type": name}`; tensors cross as `{"__tensor__": tensor, "requires_grad": bool,
"is_leaf": bool, "type": name}` so the grader sees autograd facts it must check.
"""

from __future__ import annotations

import io
import os
import select
import struct
import time
from typing import Any, BinaryIO

import torch

__all__ = ["MAX_FRAME_BYTES", "FrameError", "decode", "encode", "read_frame", "write_frame"]

MAX_FRAME_BYTES = 512 * 1024 * 1024
_HEADER = struct.Struct(">Q")


class FrameError(Exception):
    """The other side sent something that is not a valid frame, or went away."""


def encode(message: Any) -> bytes:
    buffer = io.BytesIO()
    torch.save(message, buffer)
    return buffer.getvalue()


def decode(payload: bytes) -> Any:
    try:
        return torch.load(io.BytesIO(payload), weights_only=True, map_location="cpu")
    except Exception as exc:
        raise FrameError(f"unreadable frame: {type(exc).__name__}: {exc}") from None


def write_frame(stream: BinaryIO, message: Any) -> None:
    payload = encode(message)
    stream.write(_HEADER.pack(len(payload)) + payload)
    stream.flush()


def _read_exactly(fd: int, size: int, deadline: float | None) -> bytes:
    chunks, remaining = [], size
    while remaining:
        if deadline is not None:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                raise TimeoutError
        chunk = os.read(fd, min(remaining, 1 << 20))
        if not chunk:
            raise FrameError("the other side closed the connection")
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def read_frame(stream: BinaryIO, *, timeout: float | None = None,
               max_bytes: int = MAX_FRAME_BYTES) -> dict:
    """Read one message; `TimeoutError` when it does not arrive within `timeout` seconds.

    A frame that decodes to anything but a message (a dict with str keys, its `seconds`,
    if any, a number) is refused here, so that no reader has to guard every access.
    """
    deadline = None if timeout is None else time.monotonic() + timeout
    fd = stream.fileno()
    (size,) = _HEADER.unpack(_read_exactly(fd, _HEADER.size, deadline))
    if size > max_bytes:
        raise FrameError(f"frame of {size} bytes is over the limit of {max_bytes}")
    message = decode(_read_exactly(fd, size, deadline))
    if not isinstance(message, dict) or not all(isinstance(k, str) for k in message):
        raise FrameError(f"unreadable frame: a message is a dict, not {type(message).__name__}")
    seconds = message.get("seconds", 0.0)
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)):
        raise FrameError("unreadable frame: its seconds are not a number")
    return message
