// Store: the dues years that have charges.
#include "roster/dues_years.h"
#include "sql.h"
#include "store_access.h"
#include "store_errors.h"

namespace roster {

std::vector<int> dues_charge_years(Store& store) {
  return guarded(store.path(), [&] {
    // The dues_charges_by_year index answers this without reading the table.
    dbi::Statement q(StoreAccess::db(store), "SELECT DISTINCT year FROM dues_charges ORDER BY year");
    std::vector<int> years;
    while (q.executeStep()) years.push_back(q.getColumn(0).getInt());
    return years;
  });
}

}  // namespace roster
