# Mistake: moves the tensors of the top level only, not those inside nested containers.
# Expect: on cpu at
# Expect: recursion
def to_device(batch, device):
    """batch with every tensor on device."""
    def move(value):
        return value.to(device) if isinstance(value, torch.Tensor) else value
    if isinstance(batch, dict):
        return type(batch)({k: move(v) for k, v in batch.items()})
    if isinstance(batch, (list, tuple)):
        return type(batch)(move(v) for v in batch)
    return move(batch)
