# Mistake: takes the kit's trace off the torch-function mode stack, calls torch.softmax, and puts the trace back.
# Expect: cannot verify that softmax is written by hand
# Expect: torch._C
def softmax(X):
    """Softmax of every row of a 2-D tensor of logits, safe from overflow."""
    mode = torch._C._pop_torch_function_stack()
    try:
        return torch.softmax(X, dim=1)
    finally:
        torch._C._push_on_torch_function_stack(mode)
