#pragma once

#include "sql.h"

namespace roster::schema {

/// Brings `db` from its PRAGMA user_version up to kSchemaVersion, one
/// migration at a time, inside the caller's transaction.
void migrate(dbi::Connection& db, int from_version);

}  // namespace roster::schema
