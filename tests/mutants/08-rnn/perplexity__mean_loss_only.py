# Mistake: returns the mean loss itself, not its exponential.
# Expect: exponentiated
def perplexity(total_loss, num_tokens):
    """exp(total_loss / num_tokens)."""
    return total_loss / num_tokens
