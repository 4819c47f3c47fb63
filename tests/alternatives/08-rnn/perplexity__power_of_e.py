# Alternative: math.e raised to the mean loss
import math


def perplexity(total_loss, num_tokens):
    """exp(total_loss / num_tokens)."""
    return math.e ** (total_loss / num_tokens)
