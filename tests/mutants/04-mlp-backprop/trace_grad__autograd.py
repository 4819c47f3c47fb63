# Mistake: asks autograd for the gradient (torch.autograd.grad) instead of the closed form.
# Expect: uses the library's own version
def trace_grad(A, X, B):
    """Gradient of trace(A X B X) in X."""
    with torch.enable_grad():
        leaf = X.detach().clone().requires_grad_(True)
        (grad,) = torch.autograd.grad(torch.trace(A @ leaf @ B @ leaf), leaf)
    return grad
