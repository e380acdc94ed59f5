#pragma once

namespace roster {
/// The roster release, e.g. "0.1.0".
const char* version();
}  // namespace roster
