// roster: a thin main; everything lives in the commands and the core library.
#include "commands/commands.h"

int main(int argc, char** argv) { return roster::run_roster(argc, argv); }
