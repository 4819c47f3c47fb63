# Alternative: one example at a time (vector @ matrix), the outputs stacked; the cache a list
import torch


def mlp_forward(X: torch.Tensor, params) -> tuple[torch.Tensor, list]:
    """Forward pass of relu(X @ W1 + b1) @ W2 + b2; returns (output, cache)."""
    W1, b1, W2, b2 = params
    outputs, pre_activations = [], []
    for x in X:  # x: (d,)
        z = x @ W1 + b1
        pre_activations.append(z)
        outputs.append(relu(z) @ W2 + b2)  # noqa: F821 (the notebook's)
    Z = torch.stack(pre_activations)
    return torch.stack(outputs), [X, Z, relu(Z), W2]  # noqa: F821 (the notebook's)
