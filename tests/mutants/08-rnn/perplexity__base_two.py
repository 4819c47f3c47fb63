# Mistake: uses 2 ** instead of the natural exponential of a loss measured in nats.
# Expect: exp(total_loss / num_tokens)
def perplexity(total_loss, num_tokens):
    """exp(total_loss / num_tokens)."""
    return 2 ** (total_loss / num_tokens)
