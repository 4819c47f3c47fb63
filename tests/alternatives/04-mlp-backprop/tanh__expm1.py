# Alternative: expm1 of -2|x|, exact near 0: tanh(|x|) = -expm1(-2|x|) / (2 + expm1(-2|x|))
import torch


def tanh(x: torch.Tensor) -> torch.Tensor:
    """The hyperbolic tangent element by element, finite for every finite x; x unchanged."""
    m = torch.expm1(-2 * x.abs())  # in (-1, 0]
    return torch.copysign(-m / (2 + m), x)
