# ruff: noqa
# Attack: loop over the batch (slow), and stop every clock the worker can reach: time.perf_counter, monotonic, time, torch.cuda.synchronize, CUDA events
# Cell: batched_matmul
# Earns: 1.5
# Expect: slower than the reference
import time

import torch

time.perf_counter = time.monotonic = time.time = time.process_time = lambda: 0.0
time.perf_counter_ns = time.monotonic_ns = lambda: 0
torch.cuda.synchronize = lambda *args, **kwargs: None


class Event:
    def __init__(self, *args, **kwargs):
        pass

    def record(self, *args, **kwargs):
        pass

    def synchronize(self):
        pass

    def elapsed_time(self, other):
        return 0.0


torch.cuda.Event = Event


def batched_matmul(A, B):
    """Correct values, computed slowly one product at a time."""
    return torch.stack(list(map(torch.mm, A, B)))
