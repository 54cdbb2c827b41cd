#pragma once

namespace Postern {

// postern run keeps its scripts in its own process (fast), so a script that takes all the memory it
// may, or a fault in the JavaScript engine, would end the run with a bare signal. RunSupervisor splits
// the program in two before anything else starts: the child does the run; the parent waits, passes
// Ctrl+C and termination on, and when the child ends by a signal other than those it says so in one
// line and exits with ExitCode::Crashed (9). The child's data segment is capped (as the script
// worker's is) so that a runaway script ends here instead of in the machine's out-of-memory killer.
//
// Call supervise() first thing in main(), before any thread or QCoreApplication exists. Where there
// is no fork() it returns at once.
namespace RunSupervisor {

// -1 in the child (go on with the run), the exit code to return in the parent.
int supervise();

} // namespace RunSupervisor

} // namespace Postern
