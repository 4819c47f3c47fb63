# ruff: noqa
# Attack: a CSVDataset that reads nothing and raises, for every file, the ValueError the error checks look for (the file's name and "line 7")
# Cell: CSVDataset
# Expect: line 7
class CSVDataset(Dataset):
    """Wrong: never reads a row; every file 'has a ragged line 7'."""

    def __init__(self, path):
        raise ValueError(f"{path}, line 7: 2 values, expected 4")

    def __len__(self):
        return 0

    def __getitem__(self, index):
        raise IndexError(index)
