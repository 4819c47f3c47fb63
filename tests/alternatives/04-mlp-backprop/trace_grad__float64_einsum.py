# Alternative: torch.einsum in float64, cast back to X's dtype
import torch


def trace_grad(A: torch.Tensor, X: torch.Tensor, B: torch.Tensor) -> torch.Tensor:
    """The gradient of trace(A @ X @ B @ X) with respect to X, in closed form."""
    A, Xw, B = A.double(), X.double(), B.double()
    # (A^T X^T B^T)_{ij} = sum_kl A_{ki} X_{lk} B_{jl}, and the same with A and B swapped
    grad = torch.einsum("ki,lk,jl->ij", A, Xw, B) + torch.einsum("ki,lk,jl->ij", B, Xw, A)
    return grad.to(X.dtype)
