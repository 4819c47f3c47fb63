# Mistake: returns the string "cuda:0" or "cpu" instead of a torch.device.
# Expect: expected torch.device
# Expect: not a string
def try_gpu(i: int = 0):
    """The i-th GPU if it exists, else the CPU."""
    if torch.cuda.device_count() >= i + 1:
        return f"cuda:{i}"
    return "cpu"
