"""Reference solutions for 10-gpu.

Generated from source/10-gpu/10-gpu.ipynb by `autograder build`.
Do not edit; never ship to students.
"""


from collections.abc import Callable

import torch
import torch.nn as nn

_ = torch.manual_seed(0)  # the same random numbers every time the notebook runs


def try_gpu(i: int = 0) -> torch.device:
    """The i-th GPU, torch.device("cuda:i"), if this machine has one, else the CPU."""
    if torch.cuda.device_count() >= i + 1:  # GPUs are numbered 0, 1, ..., count - 1
        return torch.device(f"cuda:{i}")
    return torch.device("cpu")


def to_device(batch, device: torch.device | str):
    """batch (a tensor, or a tuple, list or dict of them, nested) with every tensor on device.

    Containers keep their type (and dicts their keys); other values pass through unchanged.
    The input itself is not changed.
    """
    if isinstance(batch, torch.Tensor):
        return batch.to(device)
    if isinstance(batch, dict):
        return type(batch)({key: to_device(value, device) for key, value in batch.items()})
    if isinstance(batch, (list, tuple)):
        return type(batch)(to_device(value, device) for value in batch)
    return batch  # numbers, strings, None: nothing to move


def batched_matmul(A: torch.Tensor, B: torch.Tensor) -> torch.Tensor:
    """The b products A[k] @ B[k] in one call: (b, n, m) @ (b, m, p) -> (b, n, p).

    No Python loop over b; the result is on the inputs' device, in their dtype.
    """
    return torch.bmm(A, B)  # one batched kernel for all b products


def train_step(model: nn.Module, X: torch.Tensor, y: torch.Tensor,
               optimizer: torch.optim.Optimizer,
               loss_fn: Callable[[torch.Tensor, torch.Tensor], torch.Tensor]) -> float:
    """One step on minibatch (X, y): zero the gradients, forward, backward, update.

    Works on whatever device model, X and y are on. Returns the loss computed before the
    update, as a Python float.
    """
    optimizer.zero_grad()
    loss = loss_fn(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
