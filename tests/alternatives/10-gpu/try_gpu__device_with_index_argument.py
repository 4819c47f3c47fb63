# Alternative: torch.device("cuda", i) with the comparison written the other way round
import torch


def try_gpu(i: int = 0) -> torch.device:
    """The i-th GPU, torch.device("cuda:i"), if this machine has one, else the CPU."""
    return torch.device("cuda", i) if i < torch.cuda.device_count() else torch.device("cpu")
