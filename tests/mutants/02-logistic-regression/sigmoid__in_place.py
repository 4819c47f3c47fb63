# Mistake: computes the result in place on x (neg_, exp_, add_, reciprocal_), changing the caller's tensor.
# Expect: x after calling sigmoid(x)
def sigmoid(x):
    """The logistic function, elementwise."""
    return x.neg_().exp_().add_(1).reciprocal_()
