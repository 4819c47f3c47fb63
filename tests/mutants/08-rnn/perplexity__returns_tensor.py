# Mistake: returns a 0-d tensor instead of a Python float.
# Expect: expected a Python float
def perplexity(total_loss, num_tokens):
    """exp(total_loss / num_tokens)."""
    return torch.exp(torch.tensor(total_loss / num_tokens))
