#include "cli/commands.hpp"

int main(int argc, char** argv) {
  return interleave::run_cli(argc, argv);
}
