# Mistake: computes in place on x (abs_, mul_, exp_), changing the caller's tensor.
# Expect: x after calling tanh(x)
def tanh(x):
    """The hyperbolic tangent, elementwise."""
    sign = torch.sign(x)
    e = x.abs_().mul_(-2).exp_()
    return sign * (1 - e) / (1 + e)
