# Alternative: the torch.cuda functions imported by name, and is_available() asked first
import torch
from torch.cuda import device_count, is_available


def try_gpu(i: int = 0) -> torch.device:
    """The i-th GPU, torch.device("cuda:i"), if this machine has one, else the CPU."""
    if is_available() and device_count() > i:
        return torch.device(f"cuda:{i}")
    return torch.device("cpu")
