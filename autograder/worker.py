"""The worker process: runs one submission's code and answers the grader's requests.

Started only by `autograder.launch`, which hands it two pipe descriptors (requests in,
replies out) and sends the student's output to a capped log. It says `ready` once torch
is imported, then answers frames until the grader sends `exit` or closes the pipe.
Nothing here decides a grade: the replies are data, and the grader judges them.
"""

from __future__ import annotations

import os
import sys

from autograder.ops import Interpreter
from autograder.protocol import FrameError, read_frame, write_frame


def serve(requests_fd: int, replies_fd: int) -> None:
    requests = os.fdopen(requests_fd, "rb", buffering=0)
    replies = os.fdopen(replies_fd, "wb")
    interpreter = Interpreter()
    write_frame(replies, {"ok": True, "value": "ready"})
    while True:
        try:
            request = read_frame(requests)
        except FrameError:
            return
        if request.get("op") == "exit":
            return
        reply = interpreter.handle(request)
        try:
            write_frame(replies, reply)
        except Exception as exc:  # a value torch.save cannot write: say so instead
            write_frame(replies, {"ok": False, "error": {
                "type": "UnsendableResult", "where": "",
                "message": f"the result could not be sent back: {type(exc).__name__}: {exc}"}})


if __name__ == "__main__":
    serve(int(sys.argv[1]), int(sys.argv[2]))
