# Alternative: words with re.findall(r"\S+"), characters with a comprehension, chosen from a dict
import re


def tokenize(lines, token="word"):
    """Split each line into word tokens (token='word') or character tokens (token='char')."""
    splitters = {"word": lambda line: re.findall(r"\S+", line),
                 "char": lambda line: [c for c in line]}
    if token not in splitters:
        raise ValueError(f"token must be 'word' or 'char', not {token!r}")
    return [splitters[token](line) for line in lines]
