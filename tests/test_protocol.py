"""Does the wire carry plain data only, and refuse anything else?"""

import io
import os

import pytest
import torch

from autograder.protocol import FrameError, decode, encode, read_frame, write_frame


def test_round_trip_of_plain_data():
    """Do tensors, numbers, strings, lists, tuples and dicts come back as they went?"""
    message = {"value": [torch.arange(3), 1.5, "x", None, (True, 2)], "n": {"a": -1}}
    back = decode(encode(message))
    assert torch.equal(back["value"][0], torch.arange(3))
    assert back["value"][1:] == [1.5, "x", None, (True, 2)] and back["n"] == {"a": -1}


class Evil:
    def __reduce__(self):
        return (os.system, ("echo pwned",))


def test_code_in_a_frame_is_refused():
    """Is a pickle that would run code on arrival refused, not executed?"""
    buffer = io.BytesIO()
    torch.save({"x": Evil()}, buffer)
    with pytest.raises(FrameError, match="unreadable frame"):
        decode(buffer.getvalue())


def test_oversized_frame_is_refused():
    """Is a frame that announces more bytes than the cap refused before reading it?"""
    read, write = os.pipe()
    with os.fdopen(write, "wb") as out:
        out.write((10**12).to_bytes(8, "big"))
    with os.fdopen(read, "rb", buffering=0) as stream, pytest.raises(FrameError, match="over"):
        read_frame(stream)


def test_closed_pipe_and_timeout():
    """Does a silent peer give TimeoutError, and a closed one a FrameError?"""
    read, write = os.pipe()
    stream = os.fdopen(read, "rb", buffering=0)
    with pytest.raises(TimeoutError):
        read_frame(stream, timeout=0.2)
    os.close(write)
    with pytest.raises(FrameError, match="closed"):
        read_frame(stream, timeout=1)
    stream.close()


def test_frames_in_sequence():
    """Do two frames written back to back read back in order?"""
    read, write = os.pipe()
    with os.fdopen(write, "wb") as out:
        write_frame(out, {"a": 1})
        write_frame(out, {"b": torch.ones(2)})
    with os.fdopen(read, "rb", buffering=0) as stream:
        assert read_frame(stream) == {"a": 1}
        assert torch.equal(read_frame(stream)["b"], torch.ones(2))
