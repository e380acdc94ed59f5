#pragma once

namespace roster {
/// The roster release, e.g. "0.2.0"; set once, by project() in CMakeLists.txt.
const char* version();
}  // namespace roster
