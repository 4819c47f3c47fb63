# Alternative: in float64, torch.where picks the formula by the sign of x, cast back at the end
import torch


def tanh(x: torch.Tensor) -> torch.Tensor:
    """The hyperbolic tangent element by element, finite for every finite x; x unchanged."""
    wide = x.double()
    positive = torch.exp(-2 * wide.clamp(min=0))  # x >= 0: exp(-2x) in (0, 1]
    negative = torch.exp(2 * wide.clamp(max=0))   # x < 0: exp(2x) in (0, 1)
    result = torch.where(wide >= 0, (1 - positive) / (1 + positive),
                         (negative - 1) / (negative + 1))
    return result.to(x.dtype)
