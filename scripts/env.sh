# Sourced by the scripts: the tool versions scripts/setup.sh installed come first on PATH.
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# Trunk must never reach GitHub: no update check, and tools only from PATH.
export TRUNK_SKIP_VERSION_CHECK=true
