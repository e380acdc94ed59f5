// One member object of a JSON import, read into rows. Internal to src/domain.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "import_rows.h"
#include "json_cursor.h"

namespace roster {

/// Reads one member object from `cursor` into `rows` (one per period, or one
/// if it has none); false if the JSON is broken. `record` numbers the object
/// in the file. Throws roster::Error for a key or value roster refuses.
bool read_member(JsonCursor& cursor, const std::string& label, const ColumnMapping& mapping, size_t record,
                 std::vector<ImportRow>& rows);

}  // namespace roster
